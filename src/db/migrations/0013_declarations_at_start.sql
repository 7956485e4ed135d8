-- Declarations are made when a trajectory starts, no longer on first read (a GET never writes).
-- Trajectories started before get version 1 of every declaration their regime version requires
-- and they do not have yet.
INSERT INTO declarations (organisation_id, trajectory_id, kind, number)
SELECT t.organisation_id, t.id, spec->>'key', 1
FROM trajectories t
JOIN regime_versions rv ON rv.organisation_id = t.organisation_id AND rv.hash = t.regime_hash
CROSS JOIN LATERAL jsonb_array_elements(coalesce(rv.document->'declarations', '[]'::jsonb)) AS spec
WHERE NOT EXISTS (
  SELECT 1 FROM declarations d WHERE d.trajectory_id = t.id AND d.kind = spec->>'key'
);
