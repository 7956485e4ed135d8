-- Cases from practice (issue 13, decision 0028): written in an organisation, owned by it or by
-- its network, reviewed by a trainer of that organisation before anyone else reads them. Until
-- approved a case is its organisation's only; once approved, a network case is read by every
-- member of the network.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The author's organisation: its trainers review the case.
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  owner_network_id uuid REFERENCES networks(id),
  owner_organisation_id uuid REFERENCES organisations(id),
  author_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
  title text NOT NULL,
  situation text NOT NULL,
  question text NOT NULL,
  what_happened text NOT NULL DEFAULT '',
  setting text NOT NULL,
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  competences text[] NOT NULL,
  review_reason text,
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(owner_network_id, owner_organisation_id) = 1),
  CHECK (owner_organisation_id IS NULL OR owner_organisation_id = organisation_id),
  CHECK (status <> 'returned' OR review_reason IS NOT NULL)
);
CREATE INDEX cases_organisation ON cases (organisation_id, status);
CREATE INDEX cases_network ON cases (owner_network_id, status);

ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON cases FOR SELECT USING (
  organisation_id = nullif(current_setting('app.org_id', true), '')::uuid
  OR (status = 'approved' AND app_is_network_member(owner_network_id))
);
CREATE POLICY write ON cases FOR INSERT
  WITH CHECK (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);
CREATE POLICY change ON cases FOR UPDATE
  USING (organisation_id = nullif(current_setting('app.org_id', true), '')::uuid);

GRANT SELECT, INSERT, UPDATE ON cases TO koers_app;
