-- The person's export (issue 15, decision 0037): an admin producing it on the person's request
-- reads all their data at once; the access log names that read as its own kind.
ALTER TABLE access_log DROP CONSTRAINT access_log_kind_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_kind_check
  CHECK (kind IN ('person', 'trajectory', 'meeting', 'evidence', 'declaration', 'document', 'scan', 'assignment', 'accessLog', 'export'));
