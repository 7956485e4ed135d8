-- The outbox and the account mail are the queue of mail delivery (docs/decisions/0012): a job
-- claims an unsent row with a lease, sends it, and records the attempt. A failed attempt waits
-- until next_attempt_at (growing backoff); the error is kept as a kind and the SMTP reply code,
-- never as the server's text, which may quote the address.
ALTER TABLE outbox
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_attempt_at timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN last_error_code smallint,
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN locked_until timestamptz;
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;

ALTER TABLE account_mail
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN last_attempt_at timestamptz,
  ADD COLUMN last_error text,
  ADD COLUMN last_error_code smallint,
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN locked_until timestamptz;
DROP INDEX account_mail_unsent_idx;
CREATE INDEX account_mail_due_idx ON account_mail (next_attempt_at) WHERE sent_at IS NULL;

-- Mail left unsent before this release is due at once (the delivery gives up on mail older than
-- MAIL_GIVE_UP_HOURS, so a database that ran without a mail server does not send its history).
UPDATE outbox SET next_attempt_at = created_at WHERE sent_at IS NULL;
UPDATE account_mail SET next_attempt_at = created_at WHERE sent_at IS NULL;
