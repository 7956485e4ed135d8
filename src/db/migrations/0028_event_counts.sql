-- The numbers a region reports to its funder (issue 14, decision 0032): per organisation, the
-- events that took place (not cancelled) from `from_at` to before `to_at`, the people who held a
-- place at them (one person at two events counts twice), and who came. For the caller's
-- organisation and, when it is in a network, every member of that network: counts only, never a
-- person. One definition for the organisation's own figures and the network's table.
CREATE OR REPLACE FUNCTION app_event_counts(from_at timestamptz, to_at timestamptz)
  RETURNS TABLE (organisation_id uuid, events bigint, participants bigint, attended bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS (
    SELECT o.id, o.network_id FROM organisations o
    WHERE o.id = nullif(current_setting('app.org_id', true), '')::uuid
  ),
  orgs AS (
    SELECT o.id FROM organisations o, me
    WHERE o.id = me.id OR (me.network_id IS NOT NULL AND o.network_id = me.network_id)
  ),
  held AS (
    SELECT e.id, e.organisation_id FROM events e JOIN orgs ON orgs.id = e.organisation_id
    WHERE e.status <> 'cancelled' AND e.starts_at >= from_at AND e.starts_at < to_at
  )
  SELECT orgs.id,
    (SELECT count(*) FROM held WHERE held.organisation_id = orgs.id),
    (SELECT count(DISTINCT (r.event_id, r.user_id)) FROM event_registrations r
      JOIN held ON held.id = r.event_id AND held.organisation_id = r.organisation_id
      WHERE r.status = 'registered' AND held.organisation_id = orgs.id),
    (SELECT count(*) FROM event_attendance a
      JOIN held ON held.id = a.event_id AND held.organisation_id = a.organisation_id
      WHERE held.organisation_id = orgs.id)
  FROM orgs
$$;

REVOKE ALL ON FUNCTION app_event_counts(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_event_counts(timestamptz, timestamptz) TO koers_app;
