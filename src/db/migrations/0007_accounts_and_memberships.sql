-- Accounts are the person's own; memberships are the organisation's.

-- An organisation's own name for a member, shown inside that organisation only. While a
-- membership is invited it holds the name the admin typed (the account's name stays hidden).
ALTER TABLE memberships ADD COLUMN display_name text CHECK (char_length(display_name) BETWEEN 1 AND 200);
-- When the person accepted the invitation into this organisation; a membership that never
-- joined goes back to `invited`, never to `active`, when it is reactivated.
ALTER TABLE memberships ADD COLUMN joined_at timestamptz;

-- People added by hand or by import before invitations were required never chose a password:
-- they never joined, and are invited members from now on.
UPDATE memberships m SET status = 'invited', display_name = u.name
  FROM users u
  WHERE u.id = m.user_id AND u.password_hash IS NULL AND m.status = 'active';
UPDATE memberships SET joined_at = created_at
  WHERE status <> 'invited'
    AND user_id IN (SELECT id FROM users WHERE password_hash IS NOT NULL);

-- A signer's name as it was when they signed: a later rename does not rewrite signed documents.
-- Signatures are otherwise never changed: the trigger that guards them steps aside for this
-- one backfill of the names they were signed under (the account names, never changed until now).
ALTER TABLE declaration_signatures ADD COLUMN signer_name text;
ALTER TABLE declaration_signatures DISABLE TRIGGER declaration_signatures_frozen;
UPDATE declaration_signatures s SET signer_name = u.name FROM users u WHERE u.id = s.user_id;
ALTER TABLE declaration_signatures ENABLE TRIGGER declaration_signatures_frozen;
ALTER TABLE declaration_signatures ALTER COLUMN signer_name SET NOT NULL;

-- A person's own account mail (password resets): never in an organisation's outbox, and not
-- readable by the application role that serves organisations' requests.
CREATE TABLE account_mail (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES users(id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX account_mail_unsent_idx ON account_mail (created_at) WHERE sent_at IS NULL;
REVOKE ALL ON account_mail FROM koers_app;

INSERT INTO account_mail (to_address, subject, body_text, created_at, sent_at)
  SELECT to_address, subject, body_text, created_at, sent_at FROM outbox WHERE sensitive;
DELETE FROM outbox WHERE sensitive;
