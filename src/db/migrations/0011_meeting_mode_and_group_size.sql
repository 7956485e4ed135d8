-- What a held session counts for is recorded on the session itself: how it took place (in
-- person, by video, by phone) and, for supervisie, how many supervisees took part. The evidence
-- ledger reads these, never today's plan, so changing a plan's group size does not rewrite the past.
ALTER TABLE meetings ADD COLUMN mode text CHECK (mode IN ('in_person', 'video', 'phone'));
ALTER TABLE meetings ADD COLUMN group_size integer CHECK (group_size BETWEEN 1 AND 10);

-- Sessions held before this change count for the group size their trajectory's plan says now
-- (the only record there is), where the regime reads a group size from the plan.
UPDATE meetings m
SET group_size = (t.plan ->> (rv.document -> 'evidence' ->> 'groupSizeField'))::integer
FROM trajectories t
JOIN regime_versions rv ON rv.organisation_id = t.organisation_id AND rv.hash = t.regime_hash
WHERE m.trajectory_id = t.id
  AND m.organisation_id = t.organisation_id
  AND m.status = 'held'
  AND rv.document -> 'evidence' ->> 'groupSizeField' IS NOT NULL
  AND (t.plan ->> (rv.document -> 'evidence' ->> 'groupSizeField')) ~ '^(10|[1-9])$';

-- How an earlier session took place was not recorded. Only where its location says so plainly is
-- it filled in; the others stay unrecorded, and the ledger lists them as such instead of guessing.
UPDATE meetings SET mode = 'video'
WHERE status = 'held' AND mode IS NULL
  AND location ~* '(online|beeldbel|videobel|video|teams|zoom|skype|webex)';
UPDATE meetings SET mode = 'phone'
WHERE status = 'held' AND mode IS NULL
  AND location ~* '(telefo|phone|gebeld|belafspraak)';
