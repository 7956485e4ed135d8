-- The day a membership ended (issue 15, decision 0042): what a person kept in the organisation
-- for their own learning goes a set time after they left. Set when the membership is deactivated,
-- cleared when it is reactivated. Memberships deactivated before this column knew no day: the day
-- of their last change stands in for it.
ALTER TABLE memberships ADD COLUMN ended_on date;
UPDATE memberships SET ended_on = (updated_at AT TIME ZONE 'Europe/Amsterdam')::date WHERE status = 'deactivated';
CREATE INDEX memberships_ended_idx ON memberships (organisation_id, ended_on) WHERE ended_on IS NOT NULL;

-- A finished self-scan never changes; erasure, and the retention job once its owner left long
-- enough ago, remove it.
CREATE OR REPLACE FUNCTION app_frozen_scan() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND (erasure_removes() OR retention_removes()) THEN
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
