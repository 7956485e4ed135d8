-- Registration evidence: who manages whom, which requirement profile a registration is
-- measured against, documents uploaded to a trajectory (a motivated request for a guide),
-- signed declarations with their frozen content, in-app notifications and the reminders
-- already sent, intervisie groups with their meetings and attendance, and the requirement
-- profiles an organisation edits.

-- The person's manager inside the organisation: supervisie refuses a supervisor who manages the
-- supervisant, and intervisie warns when one member manages another.
ALTER TABLE memberships ADD COLUMN manager_id uuid REFERENCES memberships(id);

-- The requirement profile (its key) a registration's period is measured against.
ALTER TABLE registrations ADD COLUMN requirement_profile text;

-- The guide's eligibility as judged when the guide was assigned, in words, kept with the trajectory.
ALTER TABLE trajectories ADD COLUMN guide_eligibility jsonb;

CREATE TABLE requirement_profiles (
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

CREATE TABLE trajectory_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  kind text NOT NULL CHECK (kind IN ('motivation')),
  file_name text NOT NULL,
  mime text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trajectory_documents_trajectory_idx ON trajectory_documents (trajectory_id, kind, created_at DESC);

-- One row per version of a declaration. Its content is generated from the trajectory until the
-- first signature; then it is frozen with its SHA-256 and never changes again.
CREATE TABLE declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trajectory_id uuid NOT NULL REFERENCES trajectories(id),
  kind text NOT NULL,
  number integer NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed', 'superseded')),
  -- Where and why the guidance deviated from the plan (end declaration), written before signing.
  deviation text,
  content jsonb,
  content_sha256 text,
  frozen_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (trajectory_id, kind, number)
);
CREATE INDEX declarations_org_status_idx ON declarations (organisation_id, status);

CREATE TABLE declaration_signatures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  declaration_id uuid NOT NULL REFERENCES declarations(id),
  signer_key text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  content_sha256 text NOT NULL,
  signed_at timestamptz NOT NULL DEFAULT now(),
  ip text NOT NULL,
  user_agent text,
  UNIQUE (declaration_id, signer_key)
);

-- Every PDF of a declaration handed out, by the SHA-256 of its bytes, so that an uploaded copy
-- is recognised on the verification page.
CREATE TABLE declaration_files (
  sha256 text PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  declaration_id uuid NOT NULL REFERENCES declarations(id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Frozen content never changes, and a declaration is never deleted.
CREATE FUNCTION declarations_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'declaration % cannot be deleted', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF OLD.content_sha256 IS NOT NULL AND (
    NEW.content IS DISTINCT FROM OLD.content OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256
    OR NEW.deviation IS DISTINCT FROM OLD.deviation OR NEW.frozen_at IS DISTINCT FROM OLD.frozen_at
  ) THEN
    RAISE EXCEPTION 'declaration % is frozen', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER declarations_frozen BEFORE UPDATE OR DELETE ON declarations
  FOR EACH ROW EXECUTE FUNCTION declarations_frozen();

CREATE FUNCTION declaration_signatures_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a signature cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER declaration_signatures_frozen BEFORE UPDATE OR DELETE ON declaration_signatures
  FOR EACH ROW EXECUTE FUNCTION declaration_signatures_frozen();

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (organisation_id, user_id, created_at DESC);

-- A reminder is sent once: its key (what, for whom, which threshold) is inserted in the same
-- transaction as the notification and the e-mail, and a second sender finds it taken.
CREATE TABLE reminders_sent (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  key text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, key)
);

CREATE TABLE intervision_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  description text,
  rhythm_weeks integer NOT NULL CHECK (rhythm_weeks BETWEEN 1 AND 52),
  meeting_minutes integer NOT NULL CHECK (meeting_minutes BETWEEN 15 AND 600),
  method text NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intervision_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  group_id uuid NOT NULL REFERENCES intervision_groups(id),
  user_id uuid NOT NULL REFERENCES users(id),
  joined_at timestamptz NOT NULL DEFAULT now(),
  left_at timestamptz,
  UNIQUE (group_id, user_id)
);
CREATE INDEX intervision_members_user_idx ON intervision_members (organisation_id, user_id);

CREATE TABLE intervision_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  group_id uuid NOT NULL REFERENCES intervision_groups(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  method text NOT NULL,
  case_bringer_id uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX intervision_meetings_group_idx ON intervision_meetings (group_id, starts_at);

-- Who was there; a present member confirms their own line of the attendance list.
CREATE TABLE intervision_attendance (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  meeting_id uuid NOT NULL REFERENCES intervision_meetings(id),
  user_id uuid NOT NULL REFERENCES users(id),
  present boolean NOT NULL,
  confirmed_at timestamptz,
  PRIMARY KEY (meeting_id, user_id)
);
CREATE INDEX intervision_attendance_user_idx ON intervision_attendance (organisation_id, user_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON requirement_profiles, trajectory_documents, declarations,
  declaration_signatures, declaration_files, notifications, reminders_sent, intervision_groups,
  intervision_members, intervision_meetings, intervision_attendance TO koers_app;

ALTER TABLE requirement_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON requirement_profiles USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE trajectory_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON trajectory_documents USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE declarations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON declarations USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE declaration_signatures ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON declaration_signatures USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE declaration_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON declaration_files USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON notifications USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE reminders_sent ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON reminders_sent USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE intervision_groups ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON intervision_groups USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE intervision_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON intervision_members USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE intervision_meetings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON intervision_meetings USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE intervision_attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON intervision_attendance USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
