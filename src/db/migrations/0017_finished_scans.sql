-- A finished self-scan is kept forever and never changes, whoever asks (issue 12): its ratings,
-- examples, framework version and variant are what its results and learning paths were read from.
CREATE OR REPLACE FUNCTION app_frozen_scan() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
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
CREATE TRIGGER frozen BEFORE UPDATE OR DELETE ON competence_scans
  FOR EACH ROW EXECUTE FUNCTION app_frozen_scan();
