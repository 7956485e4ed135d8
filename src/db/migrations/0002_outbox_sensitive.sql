-- Mails whose link hands over an account (password resets). When a mail server delivers
-- them, the outbox shows that they were sent but not their text.
ALTER TABLE outbox ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
