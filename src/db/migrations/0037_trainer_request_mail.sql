-- A request for a trainer also reaches the other organisation by e-mail (issue 14, decision 0033):
-- the same people the notification tells (app_tell_trainer_request), each in their own language,
-- as a mail in their own organisation's outbox. The caller renders both languages; this function
-- only chooses per person and fills in the name they go by there. Only for a request the caller's
-- organisation just made (received) or answered (accepted, declined).
CREATE OR REPLACE FUNCTION app_mail_trainer_request(
  request uuid, news text, subject_nl text, body_nl text, subject_en text, body_en text
)
  RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH r AS (
    SELECT tr.* FROM trainer_requests tr
    WHERE tr.id = request AND nullif(current_setting('app.org_id', true), '')::uuid =
      CASE news WHEN 'trainerRequest.received' THEN tr.from_organisation_id ELSE tr.organisation_id END
  ),
  told AS (
    SELECT DISTINCT m.organisation_id, u.email, u.locale, coalesce(m.display_name, u.name) AS name
    FROM r
    JOIN memberships m ON m.status = 'active' AND m.organisation_id =
      CASE news WHEN 'trainerRequest.received' THEN r.organisation_id ELSE r.from_organisation_id END
    JOIN users u ON u.id = m.user_id
    WHERE m.roles && ARRAY['admin', 'training_officer']::text[]
      OR (news = 'trainerRequest.received' AND m.user_id = r.trainer_id)
  ),
  queued AS (
    INSERT INTO outbox (organisation_id, to_address, subject, body_text)
    SELECT t.organisation_id, t.email,
      CASE t.locale WHEN 'en' THEN subject_en ELSE subject_nl END,
      replace(CASE t.locale WHEN 'en' THEN body_en ELSE body_nl END, '{name}', t.name)
    FROM told t
    WHERE news IN ('trainerRequest.received', 'trainerRequest.accepted', 'trainerRequest.declined')
    RETURNING 1
  )
  SELECT count(*)::integer FROM queued;
$$;
REVOKE ALL ON FUNCTION app_mail_trainer_request(uuid, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_mail_trainer_request(uuid, text, text, text, text, text) TO koers_app;
