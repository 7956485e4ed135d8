-- Completion certificates (issue 13, decision 0027): per module and per whole learning line,
-- issued once to their holder with what they say frozen and named by its SHA-256. The PDFs made
-- at issue are archived documents of kind 'certificate'; the public verification page finds a
-- certificate by the hash of its content or of one of those PDFs.
CREATE TABLE certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL CHECK (kind IN ('module', 'learning_line')),
  -- The module it certifies, or the framework of the learning line (one path per person and
  -- framework, one progress per person and module).
  subject_id uuid NOT NULL,
  content jsonb NOT NULL,
  content_sha256 text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, content_sha256)
);
CREATE INDEX certificates_holder ON certificates (organisation_id, user_id, kind, subject_id);
CREATE INDEX certificates_content ON certificates (content_sha256);

CREATE FUNCTION certificates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an issued certificate cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER certificates_frozen BEFORE UPDATE OR DELETE ON certificates
  FOR EACH ROW EXECUTE FUNCTION certificates_frozen();

GRANT SELECT, INSERT ON certificates TO koers_app;
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON certificates USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

ALTER TABLE archived_documents DROP CONSTRAINT archived_documents_kind_check;
ALTER TABLE archived_documents ADD CONSTRAINT archived_documents_kind_check
  CHECK (kind IN ('declaration', 'final_report', 'certificate'));
CREATE INDEX archived_documents_sha256 ON archived_documents (sha256);
