-- A network thread is read in every member organisation, and so are its participants told of it
-- (decision 0029): one security-definer function writes, for a post just written in the caller's
-- organisation, the notifications of everyone else who took part in its thread, in their own
-- organisation: a mention for those among `mentioned`, else one unread "new posts" per thread
-- whose count rises until it is read. It writes only for active participants of that post's
-- thread whose organisation still reads it, and only the kind, the subject's title and link it is given.
CREATE OR REPLACE FUNCTION app_tell_thread(post uuid, mentioned uuid[], title text, link text)
  RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  WITH p AS (
    SELECT * FROM discussion_posts
    WHERE id = post AND organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
  ),
  participants AS (
    SELECT DISTINCT q.organisation_id, q.author_id AS user_id, q.author_id = ANY (mentioned) AS mentioned,
      p.author_name
    FROM p
    JOIN discussion_posts q ON q.subject_kind = p.subject_kind AND q.subject_id = p.subject_id
      AND CASE WHEN p.network_id IS NULL
        THEN q.network_id IS NULL AND q.organisation_id = p.organisation_id
        ELSE q.network_id = p.network_id END
    JOIN memberships m ON m.organisation_id = q.organisation_id AND m.user_id = q.author_id AND m.status = 'active'
    -- Of a network thread, only organisations still in the network read it, and so are told.
    JOIN organisations o ON o.id = q.organisation_id
      AND (p.network_id IS NULL OR o.network_id = p.network_id)
    WHERE q.author_id <> p.author_id
  ),
  mentions AS (
    INSERT INTO notifications (organisation_id, user_id, kind, params, link)
    SELECT t.organisation_id, t.user_id, 'discussion.mention', jsonb_build_object('name', t.author_name, 'title', title), link
    FROM participants t WHERE t.mentioned
    RETURNING id
  ),
  raised AS (
    UPDATE notifications n
    SET params = jsonb_set(n.params, '{count}', to_jsonb(coalesce((n.params->>'count')::int, 0) + 1)),
      created_at = now()
    FROM participants t
    WHERE NOT t.mentioned AND n.organisation_id = t.organisation_id AND n.user_id = t.user_id
      AND n.kind = 'discussion.newPosts' AND n.link = app_tell_thread.link AND n.read_at IS NULL
    RETURNING n.organisation_id, n.user_id
  )
  INSERT INTO notifications (organisation_id, user_id, kind, params, link)
  SELECT t.organisation_id, t.user_id, 'discussion.newPosts', jsonb_build_object('title', title, 'count', 1), link
  FROM participants t
  WHERE NOT t.mentioned
    AND NOT EXISTS (SELECT 1 FROM raised r WHERE r.organisation_id = t.organisation_id AND r.user_id = t.user_id);
$$;
REVOKE ALL ON FUNCTION app_tell_thread(uuid, uuid[], text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_tell_thread(uuid, uuid[], text, text) TO koers_app;
