-- The train-the-trainer path (issue 14, decision 0033): trainings a trainer in training gives under
-- the supervision of a trainer of the same organisation, who signs each off. The coordinator sees
-- the signed-off trainings when certifying.
CREATE TABLE supervised_trainings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  given_on date NOT NULL,
  title text NOT NULL,
  supervisor_id uuid NOT NULL REFERENCES users(id),
  signed_off_at timestamptz,
  feedback text NOT NULL DEFAULT '',
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (supervisor_id <> user_id)
);
CREATE INDEX supervised_trainings_person ON supervised_trainings (organisation_id, user_id, given_on);

GRANT SELECT, INSERT, UPDATE ON supervised_trainings TO koers_app;
ALTER TABLE supervised_trainings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON supervised_trainings
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

-- The pool also gives each trainer's count of supervised trainings signed off, so the coordinator
-- of the network sees it when certifying (the trainings themselves stay behind the tenant policy),
-- and the trainings for trainers they attended (ticked off at an event meant for trainers).
DROP FUNCTION app_trainer_pool();
CREATE FUNCTION app_trainer_pool()
  RETURNS TABLE (
    membership_id uuid, user_id uuid, name text, organisation_id uuid, topics text[], weekdays integer[],
    availability text, certified_on date, valid_until date, trainings_given bigint, supervised_signed_off bigint,
    trainings_attended bigint
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
        AND e.status <> 'cancelled' AND e.audience IN ('trainers', 'both'))
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
