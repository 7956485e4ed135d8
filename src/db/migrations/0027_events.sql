-- Learning festivals and trainings (issue 14, decision 0032): an organisation's events with
-- parallel rounds of sessions, each with its own capacity; registrations per session with a
-- waiting list; attendance per person per event; an evaluation per attendee.
CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('festival', 'training', 'other')),
  audience text NOT NULL CHECK (audience IN ('guides', 'trainers', 'both')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text,
  online_url text,
  registration_deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'cancelled')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (registration_deadline <= starts_at),
  CHECK (num_nonnulls(place, online_url) >= 1)
);
CREATE INDEX events_organisation ON events (organisation_id, starts_at);

-- The trainers who give the event: they keep its check-in list and read its evaluation.
CREATE TABLE event_trainers (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  event_id uuid NOT NULL REFERENCES events(id),
  user_id uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_trainers_user ON event_trainers (organisation_id, user_id);

CREATE TABLE event_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  event_id uuid NOT NULL REFERENCES events(id),
  round integer NOT NULL CHECK (round BETWEEN 1 AND 10),
  position integer NOT NULL,
  title text NOT NULL,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
  UNIQUE (event_id, round, position)
);

-- One line per person per session. `registered_at` orders the waiting list; a promoted line keeps
-- it and gets `promoted_at`. A cancelled line stays, so the history of a place is kept.
CREATE TABLE event_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  event_id uuid NOT NULL REFERENCES events(id),
  session_id uuid NOT NULL REFERENCES event_sessions(id),
  round integer NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
  registered_by uuid NOT NULL REFERENCES users(id),
  registered_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  promoted_at timestamptz,
  cancelled_at timestamptz,
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
-- A person holds at most one open line per round of an event.
CREATE UNIQUE INDEX event_registrations_one_per_round ON event_registrations (event_id, round, user_id)
  WHERE status <> 'cancelled';
CREATE INDEX event_registrations_session ON event_registrations (session_id, status, registered_at);
CREATE INDEX event_registrations_user ON event_registrations (organisation_id, user_id);

CREATE TABLE event_attendance (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  event_id uuid NOT NULL REFERENCES events(id),
  user_id uuid NOT NULL REFERENCES users(id),
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  checked_in_by uuid NOT NULL REFERENCES users(id),
  PRIMARY KEY (event_id, user_id)
);
CREATE INDEX event_attendance_user ON event_attendance (organisation_id, user_id);

-- An attendee's evaluation: scores 1-5 and open answers. The organiser reads them without names.
CREATE TABLE event_evaluations (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  event_id uuid NOT NULL REFERENCES events(id),
  user_id uuid NOT NULL REFERENCES users(id),
  overall integer NOT NULL CHECK (overall BETWEEN 1 AND 5),
  usefulness integer NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
  take_away text NOT NULL DEFAULT '',
  suggestion text NOT NULL DEFAULT '',
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, user_id)
);

GRANT SELECT, INSERT, UPDATE ON events, event_sessions, event_registrations TO koers_app;
GRANT SELECT, INSERT ON event_trainers, event_evaluations TO koers_app;
GRANT SELECT, INSERT, DELETE ON event_attendance TO koers_app;

ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON events USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE event_trainers ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON event_trainers USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE event_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON event_sessions USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE event_registrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON event_registrations
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE event_attendance ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON event_attendance USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
ALTER TABLE event_evaluations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON event_evaluations
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
