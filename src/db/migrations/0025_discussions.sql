-- Peer discussion on cases and modules (issue 13, decision 0029). A post is written in its
-- author's organisation; it is the network's to read when its subject is the network's
-- (`network_id`), else its organisation's. Removing keeps the row (the thread stays whole);
-- a trainer hides a post with a reason.
CREATE TABLE discussion_posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  network_id uuid REFERENCES networks(id),
  subject_kind text NOT NULL CHECK (subject_kind IN ('case', 'module')),
  subject_id uuid NOT NULL,
  parent_id uuid REFERENCES discussion_posts(id),
  author_id uuid NOT NULL REFERENCES users(id),
  -- The author's name in their organisation when they posted: the thread is read in other
  -- organisations of the network, which do not read that organisation's people.
  author_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  removed_at timestamptz,
  hidden_at timestamptz,
  hidden_by uuid REFERENCES users(id),
  hidden_reason text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX discussion_posts_subject ON discussion_posts (subject_kind, subject_id, created_at);

-- A report of a post: the reporter's organisation's trainers hear of it.
CREATE TABLE discussion_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  post_id uuid NOT NULL REFERENCES discussion_posts(id),
  reporter_id uuid NOT NULL REFERENCES users(id),
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (post_id, reporter_id)
);

ALTER TABLE discussion_posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON discussion_posts FOR SELECT USING (
  organisation_id = nullif(current_setting('app.org_id', true), '')::uuid OR app_is_network_member(network_id)
);
CREATE POLICY write ON discussion_posts FOR INSERT
  WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
-- Its author's organisation changes a post (edit, remove); a trainer of any member hides one of the network's.
CREATE POLICY change ON discussion_posts FOR UPDATE USING (
  organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
  OR (app_is_network_member(network_id) AND app_has_role_here('trainer'))
);
ALTER TABLE discussion_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON discussion_reports USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE ON discussion_posts TO koers_app;
GRANT SELECT, INSERT ON discussion_reports TO koers_app;
