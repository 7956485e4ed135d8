-- Hours worked on the placement (issue 14): the workplace records, per period, the hours a BPV
-- student worked, counted per school year against the regime's yearly minimum. A line is never
-- changed: a wrong one is removed (audited) and recorded again.
CREATE TABLE work_hours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  worked_from date NOT NULL,
  worked_to date NOT NULL CHECK (worked_to >= worked_from),
  minutes integer NOT NULL CHECK (minutes > 0),
  note text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX work_hours_trajectory_idx ON work_hours (organisation_id, trajectory_id, worked_from);

GRANT SELECT, INSERT, DELETE ON work_hours TO koers_app;
ALTER TABLE work_hours ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON work_hours USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
