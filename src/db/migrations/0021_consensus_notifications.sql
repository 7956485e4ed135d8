-- The consensus round notifies people in other member organisations: every member's
-- representatives (its admins and praktijkopleiders) or the network's coordinators. Notifications
-- sit behind the tenant policy, so one security-definer function writes them; it writes only for
-- the caller's own network, and only the kind, parameters and link it is given (decision 0024).
CREATE OR REPLACE FUNCTION app_notify_network(network uuid, audience text, kind text, params jsonb, link text)
  RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  DECLARE written integer;
  BEGIN
    IF NOT app_is_network_member(network) OR audience NOT IN ('representatives', 'coordinators') THEN
      RETURN 0;
    END IF;
    INSERT INTO notifications (organisation_id, user_id, kind, params, link)
      SELECT DISTINCT m.organisation_id, m.user_id, kind, params, link
      FROM memberships m JOIN organisations o ON o.id = m.organisation_id
      WHERE o.network_id = network AND m.status = 'active'
        AND CASE audience
          WHEN 'representatives' THEN m.roles && ARRAY['admin', 'training_officer']::text[]
          ELSE 'network_coordinator' = ANY (m.roles)
        END;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
  END
$$;
REVOKE ALL ON FUNCTION app_notify_network(uuid, text, text, jsonb, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_notify_network(uuid, text, text, jsonb, text) TO koers_app;
