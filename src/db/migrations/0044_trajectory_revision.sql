-- A trajectory's revision (decision 0045): a number that changes, in the same transaction, with
-- every change to the parts the to-do list is worked out from (goals, goal lists, meetings,
-- feedback and who saw it, self-assessments, the final report). A process may keep those parts
-- in memory for as long as the revision it read them at is the trajectory's revision: every
-- process sees the new number as soon as the change is committed.
ALTER TABLE trajectories ADD COLUMN revision bigint NOT NULL DEFAULT 0;

-- Once per statement, however many rows it touched; the rows are in the transition tables.
CREATE FUNCTION app_trajectory_revised() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        UPDATE trajectories SET revision = revision + 1
          WHERE id IN (SELECT trajectory_id FROM changed UNION SELECT trajectory_id FROM earlier);
      ELSE
        UPDATE trajectories SET revision = revision + 1 WHERE id IN (SELECT trajectory_id FROM changed);
      END IF;
      RETURN NULL;
    END
  $$;

-- Who saw a feedback record is kept by the record, not the trajectory.
CREATE FUNCTION app_feedback_seen_revised() RETURNS trigger
  LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE trajectories SET revision = revision + 1
        WHERE id IN (
          SELECT f.trajectory_id FROM feedback_records f
          WHERE f.id IN (SELECT feedback_record_id FROM changed)
        );
      RETURN NULL;
    END
  $$;

DO $$
  DECLARE
    part text;
  BEGIN
    FOREACH part IN ARRAY ARRAY['goals', 'goal_list_versions', 'meetings', 'feedback_records', 'self_assessments', 'final_reports']
    LOOP
      EXECUTE format('CREATE TRIGGER revised_on_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION app_trajectory_revised()', part);
      EXECUTE format('CREATE TRIGGER revised_on_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS earlier NEW TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION app_trajectory_revised()', part);
      EXECUTE format('CREATE TRIGGER revised_on_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS changed
        FOR EACH STATEMENT EXECUTE FUNCTION app_trajectory_revised()', part);
    END LOOP;
  END
$$;

CREATE TRIGGER revised_on_insert AFTER INSERT ON feedback_seen REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION app_feedback_seen_revised();
CREATE TRIGGER revised_on_update AFTER UPDATE ON feedback_seen REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION app_feedback_seen_revised();
CREATE TRIGGER revised_on_delete AFTER DELETE ON feedback_seen REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION app_feedback_seen_revised();
