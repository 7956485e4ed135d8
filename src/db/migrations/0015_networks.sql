-- A network is first-class: its name is edited with a version like every editable row.
ALTER TABLE networks
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Whether the transaction's organisation (app.org_id) is a member of the network. The pattern for
-- every network-owned content table (decision 0019): a row owned by a network is visible to its
-- members. Security definer, so that a policy on organisations may use it without recursion.
CREATE OR REPLACE FUNCTION app_is_network_member(network uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT network IS NOT NULL AND EXISTS (
      SELECT 1 FROM organisations
      WHERE id = nullif(current_setting('app.org_id', true), '')::uuid AND network_id = network
    )
  $$;

-- Whether a content row is the transaction's organisation's own, or its network's: exactly one
-- owner is set (a CHECK on the content table); the policy of a content table reads
-- `USING (app_may_read_owned(owner_organisation_id, owner_network_id))`.
CREATE OR REPLACE FUNCTION app_may_read_owned(owner_organisation uuid, owner_network uuid) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT owner_organisation = nullif(current_setting('app.org_id', true), '')::uuid
      OR app_is_network_member(owner_network)
  $$;

-- The coordinators of a network, as only name and organisation: the one piece of people's data a
-- member sees of another member. Memberships and users stay behind their own tenant policies.
CREATE OR REPLACE FUNCTION app_network_coordinators(network uuid)
  RETURNS TABLE (user_id uuid, name text, organisation_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT u.id, coalesce(m.display_name, u.name), m.organisation_id
    FROM memberships m
    JOIN organisations o ON o.id = m.organisation_id
    JOIN users u ON u.id = m.user_id
    WHERE app_is_network_member(network) AND o.network_id = network
      AND m.status = 'active' AND 'network_coordinator' = ANY (m.roles)
    ORDER BY u.name, m.organisation_id
  $$;

REVOKE ALL ON FUNCTION app_is_network_member(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_may_read_owned(uuid, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION app_network_coordinators(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_is_network_member(uuid) TO koers_app;
GRANT EXECUTE ON FUNCTION app_may_read_owned(uuid, uuid) TO koers_app;
GRANT EXECUTE ON FUNCTION app_network_coordinators(uuid) TO koers_app;

ALTER TABLE networks ENABLE ROW LEVEL SECURITY;
CREATE POLICY member ON networks USING (app_is_network_member(id));
-- A member organisation sees the other members of its network (the service reads only name and colour).
CREATE POLICY network_member ON organisations FOR SELECT USING (app_is_network_member(network_id));
