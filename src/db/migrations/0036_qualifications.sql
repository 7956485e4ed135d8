-- Qualifications (issue 14): the core tasks and work processes of a qualification file, as the
-- organisation's praktijkopleider keeps them, so a BPV student's learning goals can be picked from
-- them. Reference data of the organisation; it names no person but its last editor.
CREATE TABLE qualifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  code text,
  tasks jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX qualifications_organisation_idx ON qualifications (organisation_id, name);

GRANT SELECT, INSERT, UPDATE, DELETE ON qualifications TO koers_app;
ALTER TABLE qualifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON qualifications
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
