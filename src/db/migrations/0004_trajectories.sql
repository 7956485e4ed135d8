-- Guidance trajectories: regimes (an organisation's own copies; the built-in ones live in code),
-- trajectories with participants, goals and approved goal lists, meetings with observations,
-- feedback records that are never edited once shared, self-assessments, final reports and
-- calendar feeds.

CREATE TABLE regimes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  key text NOT NULL,
  based_on text NOT NULL,
  document jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, key)
);

-- Every regime document a trajectory ever started on, stored once per organisation under the
-- SHA-256 of its content. Rows are never changed: a trajectory keeps the rules it started with.
CREATE TABLE regime_versions (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  hash text NOT NULL,
  document jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, hash)
);

CREATE TABLE trajectories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  regime_hash text NOT NULL,
  regime_key text NOT NULL,
  title text NOT NULL,
  status text NOT NULL,
  -- True once the status is one the regime calls terminal; lists and reminders skip these.
  closed boolean NOT NULL DEFAULT false,
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  plan jsonb NOT NULL DEFAULT '{}',
  consents jsonb NOT NULL DEFAULT '{}',
  intensity jsonb,
  evaluation_moments jsonb NOT NULL DEFAULT '[]',
  escalated_from_id uuid REFERENCES trajectories(id),
  status_reason text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organisation_id, regime_hash) REFERENCES regime_versions (organisation_id, hash)
);
CREATE INDEX trajectories_org_status_idx ON trajectories (organisation_id, status, starts_on DESC);

CREATE TABLE trajectory_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('trainee', 'guide', 'commissioner')),
  UNIQUE (trajectory_id, user_id, role)
);
CREATE INDEX trajectory_participants_user_idx ON trajectory_participants (organisation_id, user_id);

CREATE TABLE goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  position integer NOT NULL,
  title text NOT NULL,
  rationale text CHECK (rationale IN ('necessity', 'wish')),
  success_criteria text,
  origin_goal_id uuid REFERENCES goals(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX goals_trajectory_idx ON goals (trajectory_id, position);

-- Each approval of the goal list keeps the list as it was approved.
CREATE TABLE goal_list_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  number integer NOT NULL,
  goals jsonb NOT NULL,
  approved_by uuid NOT NULL REFERENCES users(id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trajectory_id, number)
);

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  type text NOT NULL,
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  preparation_minutes integer NOT NULL DEFAULT 0 CHECK (preparation_minutes BETWEEN 0 AND 1440),
  travel_minutes integer NOT NULL DEFAULT 0 CHECK (travel_minutes BETWEEN 0 AND 1440),
  unannounced boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  held_at timestamptz,
  location text,
  notes text,
  confidential boolean NOT NULL DEFAULT false,
  observation jsonb,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meetings_trajectory_idx ON meetings (trajectory_id, starts_at);
CREATE INDEX meetings_org_starts_idx ON meetings (organisation_id, starts_at);

-- A feedback record is a numbered version per meeting. Once shared with the trainee it is
-- evidence: it is never changed or removed, a correction is the next number.
CREATE TABLE feedback_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  number integer NOT NULL,
  content jsonb NOT NULL,
  correction_reason text,
  shared_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, number)
);
CREATE INDEX feedback_records_trajectory_idx ON feedback_records (trajectory_id);

CREATE FUNCTION feedback_records_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.shared_at IS NOT NULL THEN
    RAISE EXCEPTION 'feedback record % is shared and cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER feedback_records_frozen BEFORE UPDATE OR DELETE ON feedback_records
  FOR EACH ROW EXECUTE FUNCTION feedback_records_frozen();

CREATE TABLE feedback_seen (
  feedback_record_id uuid NOT NULL REFERENCES feedback_records(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (feedback_record_id, user_id)
);

CREATE TABLE self_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  meeting_id uuid NOT NULL REFERENCES meetings(id),
  user_id uuid NOT NULL REFERENCES users(id),
  content jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, user_id)
);
CREATE INDEX self_assessments_trajectory_idx ON self_assessments (trajectory_id);

CREATE TABLE final_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL UNIQUE REFERENCES trajectories(id),
  sections jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  finalised_at timestamptz,
  finalised_by uuid REFERENCES users(id),
  content_sha256 text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A secret address per person and organisation; only its hash is kept.
CREATE TABLE calendar_feeds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, user_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON regimes, regime_versions, trajectories, trajectory_participants, goals, goal_list_versions,
  meetings, feedback_records, feedback_seen, self_assessments, final_reports, calendar_feeds TO koers_app;

ALTER TABLE regimes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON regimes USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE regime_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON regime_versions USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE trajectories ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON trajectories USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE trajectory_participants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON trajectory_participants USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON goals USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE goal_list_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON goal_list_versions USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON meetings USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE feedback_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON feedback_records USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE feedback_seen ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON feedback_seen USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE self_assessments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON self_assessments USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE final_reports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON final_reports USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON calendar_feeds USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

-- A final report is what was shared: it is not edited afterwards.
CREATE FUNCTION final_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'final report % cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER final_reports_frozen BEFORE UPDATE OR DELETE ON final_reports
  FOR EACH ROW EXECUTE FUNCTION final_reports_frozen();
