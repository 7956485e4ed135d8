-- A person in several organisations signs in where they last worked.
ALTER TABLE users ADD COLUMN last_organisation_id uuid REFERENCES organisations(id);
