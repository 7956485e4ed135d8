-- The learning network (issue 12): competence frameworks agreed by consensus, self-scans with
-- critical friends, and personal learning paths. Decisions 0018 and 0019.

-- The network's consensus rule is data: {"kind":"all"} or {"kind":"quorum","min":n}.
ALTER TABLE networks ADD COLUMN consensus_rule jsonb NOT NULL DEFAULT '{"kind":"all"}';

-- Whether the person of the transaction (app.user_id) coordinates the network from the
-- transaction's organisation. Security definer: memberships are behind their own tenant policy.
CREATE OR REPLACE FUNCTION app_is_network_coordinator(network uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT app_is_network_member(network) AND EXISTS (
      SELECT 1 FROM memberships
      WHERE organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
        AND user_id = nullif(current_setting('app.user_id', true), '')::uuid
        AND status = 'active' AND 'network_coordinator' = ANY (roles)
    )
  $$;

-- Who may write a content row: its own organisation, or a coordinator of the network that owns it.
CREATE OR REPLACE FUNCTION app_may_write_owned(owner_organisation uuid, owner_network uuid) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT owner_organisation = nullif(current_setting('app.org_id', true), '')::uuid
      OR app_is_network_coordinator(owner_network)
  $$;

REVOKE ALL ON FUNCTION app_is_network_coordinator(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_may_write_owned(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_is_network_coordinator(uuid) TO koers_app;
GRANT EXECUTE ON FUNCTION app_may_write_owned(uuid, uuid) TO koers_app;

-- A competence framework: one owner, a network or an organisation (decision 0019).
CREATE TABLE frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_network_id uuid REFERENCES networks(id),
  owner_organisation_id uuid REFERENCES organisations(id),
  key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(owner_network_id, owner_organisation_id) = 1)
);
CREATE UNIQUE INDEX frameworks_network_key ON frameworks (owner_network_id, key);
CREATE UNIQUE INDEX frameworks_organisation_key ON frameworks (owner_organisation_id, key);

-- The versions of a framework, numbered in the order they were begun. A draft is edited by
-- the owner; in `voting` the members vote on it (a change after a rejection starts the next
-- `round`); once `published` it is frozen and named by the hash of its document. The owner is
-- copied from the framework so that the policies read the row alone.
CREATE TABLE framework_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  owner_network_id uuid REFERENCES networks(id),
  owner_organisation_id uuid REFERENCES organisations(id),
  number integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'voting', 'published', 'withdrawn')),
  round integer NOT NULL DEFAULT 0,
  document jsonb NOT NULL,
  hash text,
  change_note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  voting_opened_at timestamptz,
  published_at timestamptz,
  UNIQUE (framework_id, number),
  CHECK (num_nonnulls(owner_network_id, owner_organisation_id) = 1),
  CHECK ((status = 'published') = (hash IS NOT NULL))
);
-- At most one version of a framework is being drafted or voted on at a time.
CREATE UNIQUE INDEX framework_versions_one_open ON framework_versions (framework_id)
  WHERE status IN ('draft', 'voting');

-- A published version never changes, whoever asks.
CREATE OR REPLACE FUNCTION app_frozen_framework_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'published' AND (
        TG_OP = 'DELETE' OR NEW.document IS DISTINCT FROM OLD.document OR NEW.hash IS DISTINCT FROM OLD.hash
        OR NEW.status IS DISTINCT FROM OLD.status OR NEW.number IS DISTINCT FROM OLD.number
      ) THEN
        RAISE EXCEPTION 'a published framework version is immutable' USING ERRCODE = 'check_violation';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$;
CREATE TRIGGER frozen BEFORE UPDATE OR DELETE ON framework_versions
  FOR EACH ROW EXECUTE FUNCTION app_frozen_framework_version();

-- What a member organisation's representative said of a version in a round: approve, reject
-- (with a reason) or comment, on the whole version (item_key null) or on one competence, skill
-- or behaviour. Kept whole: only each member's last approve or reject counts.
CREATE TABLE framework_votes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  version_id uuid NOT NULL REFERENCES framework_versions(id),
  network_id uuid NOT NULL REFERENCES networks(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL,
  round integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('approve', 'reject', 'comment')),
  item_key text,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'approve' OR body IS NOT NULL)
);
CREATE INDEX framework_votes_version ON framework_votes (version_id, round);

-- An organisation's own behaviours under a network framework's competences (Extension[]);
-- the shared version never changes.
CREATE TABLE framework_extensions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  extensions jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, framework_id)
);

-- A werkbegeleider's self-scan on one published version, with the organisation's extensions as
-- they were when it began. Ratings: behaviour key → value on the scale, or null; examples:
-- competence key → text.
CREATE TABLE competence_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  framework_version_id uuid NOT NULL REFERENCES framework_versions(id),
  extensions jsonb NOT NULL DEFAULT '[]',
  variant text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished')),
  ratings jsonb NOT NULL DEFAULT '{}',
  examples jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX competence_scans_one_open ON competence_scans (organisation_id, user_id)
  WHERE status = 'open';
CREATE INDEX competence_scans_user ON competence_scans (organisation_id, user_id, started_at);

-- A critical friend asked to rate a scan: a member of the organisation (user_id, in-app) or
-- someone without an account (name and e-mail, by a link with a single-use, expiring token).
CREATE TABLE scan_friends (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  scan_id uuid NOT NULL REFERENCES competence_scans(id),
  kind text NOT NULL CHECK (kind IN ('colleague', 'student', 'team_leader', 'praktijkopleider', 'other')),
  user_id uuid REFERENCES users(id),
  name text,
  email text,
  token_hash text UNIQUE,
  expires_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'answered', 'declined', 'withdrawn')),
  ratings jsonb NOT NULL DEFAULT '{}',
  invited_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  CHECK (num_nonnulls(user_id, email) = 1)
);
CREATE INDEX scan_friends_scan ON scan_friends (scan_id);

-- A werkbegeleider's learning path on a framework: PathItem[] in the owner's order, last
-- proposed from `scan_id`.
CREATE TABLE learning_paths (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  scan_id uuid REFERENCES competence_scans(id),
  items jsonb NOT NULL DEFAULT '[]',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, user_id, framework_id)
);

-- Network content: members read it; the owning organisation or the network's coordinators write it.
ALTER TABLE frameworks ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON frameworks FOR SELECT USING (app_may_read_owned(owner_organisation_id, owner_network_id));
CREATE POLICY write ON frameworks FOR INSERT WITH CHECK (app_may_write_owned(owner_organisation_id, owner_network_id));
CREATE POLICY change ON frameworks FOR UPDATE USING (app_may_write_owned(owner_organisation_id, owner_network_id));

ALTER TABLE framework_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON framework_versions FOR SELECT USING (app_may_read_owned(owner_organisation_id, owner_network_id));
CREATE POLICY write ON framework_versions FOR INSERT WITH CHECK (app_may_write_owned(owner_organisation_id, owner_network_id));
CREATE POLICY change ON framework_versions FOR UPDATE USING (app_may_write_owned(owner_organisation_id, owner_network_id));
CREATE POLICY remove ON framework_versions FOR DELETE USING (app_may_write_owned(owner_organisation_id, owner_network_id));

-- Votes: every member of the network reads them; a member writes only its own, never changes one.
ALTER TABLE framework_votes ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON framework_votes FOR SELECT USING (app_is_network_member(network_id));
CREATE POLICY write ON framework_votes FOR INSERT WITH CHECK (
  organisation_id = nullif(current_setting('app.org_id', true), '')::uuid AND app_is_network_member(network_id)
);

-- People's own data: the tenant policy.
ALTER TABLE framework_extensions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON framework_extensions USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE competence_scans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON competence_scans USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE scan_friends ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON scan_friends USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE learning_paths ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON learning_paths USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE, DELETE ON frameworks, framework_versions, framework_votes, framework_extensions,
  competence_scans, scan_friends, learning_paths TO koers_app;
