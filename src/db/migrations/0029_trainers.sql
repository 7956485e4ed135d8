-- Trainers (issue 14, decision 0033): a trainer's topics and availability (the organisation's own
-- row), certificates given by a network coordinator (the network's), requests from one member to
-- another member's trainer (the two organisations' together), and the train-the-trainer path.
CREATE TABLE trainer_profiles (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  topics text[] NOT NULL DEFAULT '{}',
  -- ISO weekdays (1 Monday ... 7 Sunday) the trainer can usually give a training on.
  weekdays integer[] NOT NULL DEFAULT '{}',
  availability text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, user_id)
);

-- A coordinator certifies a trainer of any member for the network. A later certificate replaces
-- an earlier one; none is ever changed, so the history stays.
CREATE TABLE trainer_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  certified_on date NOT NULL,
  valid_until date,
  certified_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (valid_until IS NULL OR valid_until > certified_on)
);
CREATE INDEX trainer_certificates_person ON trainer_certificates (organisation_id, user_id, certified_on);

-- One member asks a trainer of another to give a training; the trainer's organisation answers.
CREATE TABLE trainer_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES networks(id),
  from_organisation_id uuid NOT NULL REFERENCES organisations(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  trainer_id uuid NOT NULL REFERENCES users(id),
  topic text NOT NULL,
  wanted_on date NOT NULL,
  message text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn')),
  requested_by uuid NOT NULL REFERENCES users(id),
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  answer text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_organisation_id <> organisation_id)
);
CREATE INDEX trainer_requests_to ON trainer_requests (organisation_id, created_at);
CREATE INDEX trainer_requests_from ON trainer_requests (from_organisation_id, created_at);

GRANT SELECT, INSERT, UPDATE ON trainer_profiles, trainer_requests TO koers_app;
GRANT SELECT, INSERT ON trainer_certificates TO koers_app;

ALTER TABLE trainer_profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON trainer_profiles
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

-- Read by the trainer's own organisation and every member of the network; written only by a
-- coordinator of that network, for a member organisation.
ALTER TABLE trainer_certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON trainer_certificates FOR SELECT
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid OR app_is_network_member(network_id));
CREATE POLICY certify ON trainer_certificates FOR INSERT
  WITH CHECK (
    app_is_network_coordinator(network_id)
    AND EXISTS (SELECT 1 FROM organisations o WHERE o.id = organisation_id AND o.network_id = trainer_certificates.network_id)
  );

-- Seen and changed by the two organisations it is between, made only by the asking one.
ALTER TABLE trainer_requests ENABLE ROW LEVEL SECURITY;
CREATE POLICY parties ON trainer_requests FOR SELECT
  USING (nullif(current_setting('app.org_id', true), '')::uuid IN (organisation_id, from_organisation_id));
CREATE POLICY ask ON trainer_requests FOR INSERT
  WITH CHECK (from_organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
    AND app_is_network_member(network_id));
CREATE POLICY answer ON trainer_requests FOR UPDATE
  USING (nullif(current_setting('app.org_id', true), '')::uuid IN (organisation_id, from_organisation_id));

-- The train-the-trainer path: trainings a trainer in training gives under the supervision of a
-- certified trainer of the same organisation, who signs each off.
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

-- The trainers the caller's organisation may see: its own and, in a network, every member's
-- active member with the role of trainer, with their topics, availability, latest certificate
-- of the network, the trainings they gave (events past and not cancelled), the events for
-- trainers they attended, and how many trainings under supervision were signed off (never which,
-- nor the feedback). A trainer's name and organisation cross to the other members here, as the
-- coordinators' do; nothing else of them.
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
