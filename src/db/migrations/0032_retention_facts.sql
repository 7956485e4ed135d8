-- Retention across the network (issue 14, decision 0034): for the caller's organisation and, in a
-- network, every member, one row per trajectory on a regime version that counts outcomes, with
-- only what the retention figures need: the start, the status and the day it took effect, the
-- reason chosen, the level from the plan, and the version's outcomes to judge the status by.
-- No person, no title, no id of a trajectory: the server turns these into counts per cohort
-- before anything leaves it.
CREATE OR REPLACE FUNCTION app_retention_facts()
  RETURNS TABLE (organisation_id uuid, regime_key text, starts_on date, status text, status_on date,
    reason_code text, level text, outcomes jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS (
    SELECT o.id, o.network_id FROM organisations o
    WHERE o.id = nullif(current_setting('app.org_id', true), '')::uuid
  ),
  orgs AS (
    SELECT o.id FROM organisations o, me
    WHERE o.id = me.id OR (me.network_id IS NOT NULL AND o.network_id = me.network_id)
  )
  SELECT t.organisation_id, t.regime_key, t.starts_on, t.status, t.status_on, t.status_reason_code,
    t.plan ->> (v.document -> 'outcomes' ->> 'levelField'),
    v.document -> 'outcomes'
  FROM trajectories t
  JOIN orgs ON orgs.id = t.organisation_id
  JOIN regime_versions v ON v.organisation_id = t.organisation_id AND v.hash = t.regime_hash
  WHERE jsonb_typeof(v.document -> 'outcomes') = 'object'
$$;

REVOKE ALL ON FUNCTION app_retention_facts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_retention_facts() TO koers_app;
