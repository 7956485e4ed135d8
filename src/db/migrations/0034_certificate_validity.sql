-- How long a trainer certificate of the network holds (issue 14): set by a coordinator, it fills a
-- new certificate's end date; without it a certificate holds until a later one replaces it.
ALTER TABLE networks ADD COLUMN certificate_validity_months integer
  CHECK (certificate_validity_months BETWEEN 1 AND 120);
