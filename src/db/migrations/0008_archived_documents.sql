-- The bytes of a document made once, at the moment it became final: a declaration when its last
-- signature made it signed, a final report when it was finalised. One row per view of it (the
-- language and what its reader may see, by the SHA-256 of what it is made from), served unchanged
-- from then on, so the file itself is the archived evidence. Never changed, never removed.
CREATE TABLE archived_documents (
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('declaration', 'final_report')),
  subject_id uuid NOT NULL,
  view_sha256 text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, subject_id, view_sha256)
);

CREATE FUNCTION archived_documents_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an archived document cannot be changed or removed' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER archived_documents_frozen BEFORE UPDATE OR DELETE ON archived_documents
  FOR EACH ROW EXECUTE FUNCTION archived_documents_frozen();

GRANT SELECT, INSERT ON archived_documents TO koers_app;
ALTER TABLE archived_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant ON archived_documents USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
