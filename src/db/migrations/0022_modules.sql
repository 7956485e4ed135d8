-- Modules of the learning line (issue 13, decision 0026): authored by trainers and
-- praktijkopleiders for their organisation or for the network, in versions (a published one is
-- frozen), followed by learners who keep the version they started, with on-the-job assignments
-- signed off at work.

-- Whether the person of the transaction holds `role` in the transaction's organisation.
CREATE OR REPLACE FUNCTION app_has_role_here(role text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (
      SELECT 1 FROM memberships
      WHERE organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
        AND user_id = nullif(current_setting('app.user_id', true), '')::uuid
        AND status = 'active' AND role = ANY (roles)
    )
  $$;

-- Who may write learning content: its own organisation, or for the network's content a trainer,
-- praktijkopleider or coordinator of a member organisation.
CREATE OR REPLACE FUNCTION app_may_author_owned(owner_organisation uuid, owner_network uuid) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT owner_organisation = nullif(current_setting('app.org_id', true), '')::uuid
      OR (app_is_network_member(owner_network) AND (
        app_has_role_here('trainer') OR app_has_role_here('training_officer') OR app_has_role_here('network_coordinator')
      ))
  $$;

REVOKE ALL ON FUNCTION app_has_role_here(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_may_author_owned(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_has_role_here(text) TO koers_app;
GRANT EXECUTE ON FUNCTION app_may_author_owned(uuid, uuid) TO koers_app;

CREATE TABLE modules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_network_id uuid REFERENCES networks(id),
  owner_organisation_id uuid REFERENCES organisations(id),
  -- A local adaptation names the module it was copied from.
  copied_from uuid REFERENCES modules(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(owner_network_id, owner_organisation_id) = 1)
);

CREATE TABLE module_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  module_id uuid NOT NULL REFERENCES modules(id),
  owner_network_id uuid REFERENCES networks(id),
  owner_organisation_id uuid REFERENCES organisations(id),
  number integer NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  document jsonb NOT NULL,
  hash text,
  change_note text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  UNIQUE (module_id, number),
  CHECK (num_nonnulls(owner_network_id, owner_organisation_id) = 1),
  CHECK ((status = 'published') = (hash IS NOT NULL))
);
CREATE UNIQUE INDEX module_versions_one_draft ON module_versions (module_id) WHERE status = 'draft';

CREATE OR REPLACE FUNCTION app_frozen_module_version() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'published' AND (
        TG_OP = 'DELETE' OR NEW.document IS DISTINCT FROM OLD.document OR NEW.hash IS DISTINCT FROM OLD.hash
        OR NEW.status IS DISTINCT FROM OLD.status OR NEW.number IS DISTINCT FROM OLD.number
      ) THEN
        RAISE EXCEPTION 'a published module version is immutable' USING ERRCODE = 'check_violation';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$;
CREATE TRIGGER frozen BEFORE UPDATE OR DELETE ON module_versions
  FOR EACH ROW EXECUTE FUNCTION app_frozen_module_version();

-- A learner's way through the module version they started (ProgressState).
CREATE TABLE module_progress (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  module_id uuid NOT NULL REFERENCES modules(id),
  module_version_id uuid NOT NULL REFERENCES module_versions(id),
  state jsonb NOT NULL DEFAULT '{"seen":[],"reflections":{},"quizzes":{},"attended":[],"last":null}',
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  UNIQUE (organisation_id, user_id, module_id)
);

-- An on-the-job assignment as submitted: each submission a row, the newest one counts. A
-- photo as evidence is stored as Koers re-encoded it, never the uploaded bytes.
CREATE TABLE module_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  progress_id uuid NOT NULL REFERENCES module_progress(id),
  user_id uuid NOT NULL REFERENCES users(id),
  block_key text NOT NULL,
  description text NOT NULL,
  evidence bytea,
  evidence_mime text,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'signed_off')),
  reason text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'returned' OR reason IS NOT NULL),
  CHECK ((evidence IS NULL) = (evidence_mime IS NULL))
);
CREATE INDEX module_assignments_progress ON module_assignments (progress_id, block_key, submitted_at);
CREATE INDEX module_assignments_open ON module_assignments (organisation_id, status);

ALTER TABLE modules ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON modules FOR SELECT USING (app_may_read_owned(owner_organisation_id, owner_network_id));
CREATE POLICY write ON modules FOR INSERT WITH CHECK (app_may_author_owned(owner_organisation_id, owner_network_id));
CREATE POLICY change ON modules FOR UPDATE USING (app_may_author_owned(owner_organisation_id, owner_network_id));

ALTER TABLE module_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON module_versions FOR SELECT USING (app_may_read_owned(owner_organisation_id, owner_network_id));
CREATE POLICY write ON module_versions FOR INSERT WITH CHECK (app_may_author_owned(owner_organisation_id, owner_network_id));
CREATE POLICY change ON module_versions FOR UPDATE USING (app_may_author_owned(owner_organisation_id, owner_network_id));

ALTER TABLE module_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON module_progress USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE module_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON module_assignments USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE ON modules, module_versions, module_progress, module_assignments TO koers_app;
