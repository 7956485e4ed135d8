-- The access log (issue 15, decision 0036): every read of a person's data by someone else is
-- written here, in the transaction of the read, so the person can see who viewed their data and
-- the admin can search it. Append-only for the application: it may add and read, never change or
-- remove; retention and erasure remove rows on the owner connection.
CREATE TABLE access_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  subject_user_id uuid NOT NULL REFERENCES users(id),
  viewer_user_id uuid REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('person', 'trajectory', 'meeting', 'evidence', 'declaration', 'document', 'scan', 'assignment', 'accessLog')),
  record_id uuid,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_log_subject_user_idx ON access_log (organisation_id, subject_user_id, at DESC);
CREATE INDEX access_log_at_idx ON access_log (organisation_id, at DESC);

-- The schema's default privileges give the application every right on a new table; take back
-- changing and removing.
REVOKE UPDATE, DELETE ON access_log FROM koers_app;
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON access_log USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
