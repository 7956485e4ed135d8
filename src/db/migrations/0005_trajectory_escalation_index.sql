-- A trajectory's page shows the trajectory it was escalated to, found by escalated_from_id.
-- Without an index that lookup read every trajectory of the organisation on every page view.
-- Few trajectories are escalated, so the index holds only those that are.
CREATE INDEX trajectories_escalated_from_idx ON trajectories (escalated_from_id) WHERE escalated_from_id IS NOT NULL;
