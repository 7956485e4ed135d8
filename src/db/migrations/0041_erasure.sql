-- Erasure per organisation (issue 15, decision 0039): a person asks, an admin reviews what will be
-- deleted, anonymised and kept, and applies it. The membership then belongs to a pseudonymous
-- account of its own, so every page, list and export of the organisation names the pseudonym
-- and every count and hour stays with it.
CREATE TABLE erasure_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  membership_id uuid NOT NULL REFERENCES memberships(id),
  -- The day the request came in: asked in Koers, or received otherwise and recorded by an admin.
  requested_on date NOT NULL,
  requested_by uuid REFERENCES users(id),
  note text,
  applied_at timestamptz,
  applied_by uuid REFERENCES users(id),
  -- Per table: what erasure did to how many records.
  outcome jsonb,
  -- Until when the register may audit the evidence kept; who it was stays sealed until then.
  kept_until date,
  sealed jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX erasure_requests_open_idx ON erasure_requests (membership_id) WHERE applied_at IS NULL;
CREATE INDEX erasure_requests_org_idx ON erasure_requests (organisation_id, created_at DESC);
-- The application records requests; erasure itself runs on the owner connection.
REVOKE UPDATE, DELETE ON erasure_requests FROM koers_app;
ALTER TABLE erasure_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON erasure_requests USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

ALTER TABLE memberships ADD COLUMN erased_at timestamptz;

-- Erasure runs on the owner connection, in a transaction that sets koers.erasure, and may change
-- in a frozen record only the columns that named the erased person. Never as the application role.
CREATE FUNCTION erasure_changes_only(old_row jsonb, new_row jsonb, person_columns text[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT current_user <> 'koers_app'
       AND current_setting('koers.erasure', true) = 'on'
       AND (new_row - person_columns) = (old_row - person_columns)
  $$;
CREATE FUNCTION erasure_removes() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_user <> 'koers_app' AND current_setting('koers.erasure', true) = 'on'
$$;

-- The audit log stays append-only, with two exceptions: the retention job removes lines past their
-- period, and erasure points an erased person's lines at their pseudonym and empties the before
-- and after that named them.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_user <> 'koers_app'
     AND current_setting('koers.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['actor_user_id', 'before', 'after']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

-- An issued certificate stays as issued; erasure removes the erased person's (the registry deletes them).
CREATE OR REPLACE FUNCTION certificates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND erasure_removes() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'an issued certificate cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;

-- A signature stays, with its moment and address; erasure puts the pseudonym where the signer's
-- account and name were. The declaration as issued is kept in the archive.
CREATE OR REPLACE FUNCTION declaration_signatures_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['user_id', 'signer_name']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signature cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;

-- Shared feedback and final reports stay as shared; erasure only points their author at the pseudonym.
CREATE OR REPLACE FUNCTION feedback_records_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.shared_at IS NOT NULL
     AND NOT (TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['created_by'])) THEN
    RAISE EXCEPTION 'feedback record % is shared and cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE OR REPLACE FUNCTION final_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final'
     AND NOT (TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['finalised_by'])) THEN
    RAISE EXCEPTION 'final report % cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- A finished self-scan never changes; erasure removes the erased person's own (the registry deletes them).
CREATE OR REPLACE FUNCTION app_frozen_scan() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND erasure_removes() THEN
        RETURN OLD;
      END IF;
      IF OLD.status = 'finished' AND (
        TG_OP = 'DELETE' OR NEW.status IS DISTINCT FROM OLD.status OR NEW.ratings IS DISTINCT FROM OLD.ratings
        OR NEW.examples IS DISTINCT FROM OLD.examples OR NEW.variant IS DISTINCT FROM OLD.variant
        OR NEW.framework_version_id IS DISTINCT FROM OLD.framework_version_id
        OR NEW.extensions IS DISTINCT FROM OLD.extensions OR NEW.finished_at IS DISTINCT FROM OLD.finished_at
      ) THEN
        RAISE EXCEPTION 'a finished self-scan is immutable' USING ERRCODE = 'check_violation';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END
  $$;
