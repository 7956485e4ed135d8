-- Retention (issue 15, decision 0038): a nightly job removes what has been kept its period. It
-- acts for an organisation only once its admin has seen the dry run and turned it on, and every
-- run is written down with its counts.
CREATE TABLE retention_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  enabled_at timestamptz,
  enabled_by uuid REFERENCES users(id),
  -- The organisation's own months per kind of data, where it chose them within the registry's range.
  periods jsonb NOT NULL DEFAULT '{}',
  periods_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE retention_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON retention_settings USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

CREATE TABLE retention_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  ran_at timestamptz NOT NULL DEFAULT now(),
  -- What the run counted from: the Dutch day it ran on.
  day date NOT NULL,
  -- Per table, how many records the run removed.
  removed jsonb NOT NULL
);
CREATE INDEX retention_runs_org_idx ON retention_runs (organisation_id, ran_at DESC);
-- The job writes on the owner connection; the application only reads the runs.
REVOKE INSERT, UPDATE, DELETE ON retention_runs FROM koers_app;
ALTER TABLE retention_runs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON retention_runs USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

-- The audit log stays append-only for everyone, with one exception: the retention job removes
-- lines past their period, on the owner connection (never as the application role), in a
-- transaction that says so.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     AND current_user <> 'koers_app'
     AND current_setting('koers.retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
