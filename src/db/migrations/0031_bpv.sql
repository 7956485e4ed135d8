-- The BPV trajectory (issue 14, decision 0034): the school's BPV-docent takes part in a trajectory,
-- a status change can record a reason chosen from the regime's list and the day it took effect
-- (a student's stop or diploma, counted for retention), and a participant besides the guide writes
-- their own part of a meeting's report (the BPV-docent's part of a three-way conversation, a
-- co-guide's of the care team in a progress conversation): one part per meeting and writer.
ALTER TABLE trajectory_participants DROP CONSTRAINT trajectory_participants_role_check;
ALTER TABLE trajectory_participants
  ADD CONSTRAINT trajectory_participants_role_check CHECK (role IN ('trainee', 'guide', 'commissioner', 'school', 'co_guide'));

ALTER TABLE trajectories ADD COLUMN status_reason_code text;
ALTER TABLE trajectories ADD COLUMN status_on date;

CREATE TABLE meeting_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  role text NOT NULL CHECK (role IN ('trainee', 'guide', 'commissioner', 'school', 'co_guide')),
  written_by uuid NOT NULL REFERENCES users(id),
  text text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, written_by)
);
CREATE INDEX meeting_parts_trajectory_idx ON meeting_parts (organisation_id, trajectory_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON meeting_parts TO koers_app;
ALTER TABLE meeting_parts ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON meeting_parts USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
