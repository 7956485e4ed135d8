-- Retention of trajectories (issue 15, decision 0042): a trajectory leaves whole, with every record
-- that hangs off it, once its guidance ended longer ago than the organisation keeps guidance and
-- no register may still audit it. Some of those records are frozen for the application; the
-- retention job, on the owner connection in a transaction that sets koers.retention, may delete
-- them. Never as the application role, and never an update.
CREATE FUNCTION retention_removes() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_user <> 'koers_app' AND current_setting('koers.retention', true) = 'on'
$$;

CREATE OR REPLACE FUNCTION declarations_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF retention_removes() THEN
      RETURN OLD;
    END IF;
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

CREATE OR REPLACE FUNCTION declaration_signatures_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND retention_removes() THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['user_id', 'signer_name']) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signature cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;

CREATE OR REPLACE FUNCTION archived_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND retention_removes() THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'an archived document cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;

CREATE OR REPLACE FUNCTION feedback_records_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND retention_removes() THEN
    RETURN OLD;
  END IF;
  IF OLD.shared_at IS NOT NULL
     AND NOT (TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['created_by'])) THEN
    RAISE EXCEPTION 'feedback record % is shared and cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE OR REPLACE FUNCTION final_reports_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND retention_removes() THEN
    RETURN OLD;
  END IF;
  IF OLD.status = 'final'
     AND NOT (TG_OP = 'UPDATE' AND erasure_changes_only(to_jsonb(OLD), to_jsonb(NEW), ARRAY['finalised_by'])) THEN
    RAISE EXCEPTION 'final report % cannot be changed', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

-- The job looks for an organisation's closed trajectories.
CREATE INDEX trajectories_closed_idx ON trajectories (organisation_id) WHERE closed;
