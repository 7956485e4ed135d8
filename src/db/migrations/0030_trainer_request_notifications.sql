-- A request for a trainer is between two organisations (decision 0033), and so is telling about it:
-- this function writes, for a request the caller's organisation just made or answered, a
-- notification in the other organisation. Made: the trainer's organisation's organisers (admin,
-- praktijkopleider) and the trainer are told. Answered: the asking organisation's organisers. Only
-- the kind, the other organisation's name, the topic, the wanted day and a link to /trainers.
CREATE OR REPLACE FUNCTION app_tell_trainer_request(request uuid, news text)
  RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH r AS (
    SELECT tr.* FROM trainer_requests tr
    WHERE tr.id = request AND nullif(current_setting('app.org_id', true), '')::uuid =
      CASE news WHEN 'trainerRequest.received' THEN tr.from_organisation_id ELSE tr.organisation_id END
  ),
  told AS (
    SELECT DISTINCT m.organisation_id, m.user_id, o.name AS organisation, r.topic, r.wanted_on
    FROM r
    JOIN memberships m ON m.status = 'active' AND m.organisation_id =
      CASE news WHEN 'trainerRequest.received' THEN r.organisation_id ELSE r.from_organisation_id END
    JOIN organisations o ON o.id =
      CASE news WHEN 'trainerRequest.received' THEN r.from_organisation_id ELSE r.organisation_id END
    WHERE m.roles && ARRAY['admin', 'training_officer']::text[]
      OR (news = 'trainerRequest.received' AND m.user_id = r.trainer_id)
  )
  INSERT INTO notifications (organisation_id, user_id, kind, params, link)
  SELECT t.organisation_id, t.user_id, news,
    jsonb_build_object('organisation', t.organisation, 'title', t.topic, 'date', t.wanted_on::text), '/trainers'
  FROM told t
  WHERE news IN ('trainerRequest.received', 'trainerRequest.accepted', 'trainerRequest.declined');
$$;
REVOKE ALL ON FUNCTION app_tell_trainer_request(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_tell_trainer_request(uuid, text) TO koers_app;
