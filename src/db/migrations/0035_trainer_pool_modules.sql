-- The trainer learning line is modules plus trainings given under supervision (issue 14): the
-- pool now also counts the modules a trainer completed, a number like the others; which modules,
-- and how they did in them, stay in their own organisation. A function's columns cannot change in
-- place, so it is made anew (same rights).
DROP FUNCTION app_trainer_pool();
CREATE FUNCTION app_trainer_pool()
  RETURNS TABLE (
    membership_id uuid, user_id uuid, name text, organisation_id uuid, topics text[], weekdays integer[],
    availability text, certified_on date, valid_until date, trainings_given bigint, supervised_signed_off bigint,
    trainings_attended bigint, modules_completed bigint
  )
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH me AS (
    SELECT o.id, o.network_id FROM organisations o
    WHERE o.id = nullif(current_setting('app.org_id', true), '')::uuid
  ),
  orgs AS (
    SELECT o.id, o.network_id FROM organisations o, me
    WHERE o.id = me.id OR (me.network_id IS NOT NULL AND o.network_id = me.network_id)
  )
  SELECT m.id, m.user_id, coalesce(m.display_name, u.name), m.organisation_id,
    coalesce(p.topics, '{}'), coalesce(p.weekdays, '{}'), coalesce(p.availability, ''),
    c.certified_on, c.valid_until,
    (SELECT count(*) FROM event_trainers et JOIN events e ON e.id = et.event_id
      WHERE et.organisation_id = m.organisation_id AND et.user_id = m.user_id
        AND e.status <> 'cancelled' AND e.ends_at < now()),
    (SELECT count(*) FROM supervised_trainings s
      WHERE s.organisation_id = m.organisation_id AND s.user_id = m.user_id AND s.signed_off_at IS NOT NULL),
    (SELECT count(*) FROM event_attendance a JOIN events e ON e.id = a.event_id
      WHERE a.organisation_id = m.organisation_id AND a.user_id = m.user_id
        AND e.status <> 'cancelled' AND e.audience IN ('trainers', 'both')),
    (SELECT count(*) FROM module_progress mp
      WHERE mp.organisation_id = m.organisation_id AND mp.user_id = m.user_id AND mp.completed_at IS NOT NULL)
  FROM memberships m
  JOIN orgs ON orgs.id = m.organisation_id
  JOIN users u ON u.id = m.user_id
  LEFT JOIN trainer_profiles p ON p.organisation_id = m.organisation_id AND p.user_id = m.user_id
  LEFT JOIN LATERAL (
    SELECT tc.certified_on, tc.valid_until FROM trainer_certificates tc
    WHERE tc.organisation_id = m.organisation_id AND tc.user_id = m.user_id AND tc.network_id = orgs.network_id
    ORDER BY tc.certified_on DESC, tc.created_at DESC LIMIT 1
  ) c ON true
  WHERE m.status = 'active' AND 'trainer' = ANY (m.roles)
$$;

REVOKE ALL ON FUNCTION app_trainer_pool() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_trainer_pool() TO koers_app;
