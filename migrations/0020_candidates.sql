-- owner: candidates
-- 外部デジタル人材 (手順書 §4.4(2)): profile, exam passes, other certifications, tagged experience, declared levels 5–7,
-- employment history (read by the 入札制限 engine, 参考4.4-⑦⑨), consent to talent pools and contact requests, and a
-- precomputed scoring row per candidate that matching reads (one row per candidate at 100k candidates).
CREATE TABLE candidate (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- null once the person deleted the account; the row then stays, anonymised, for applications and appointments
  account_id uuid UNIQUE REFERENCES account (id) ON DELETE SET NULL,
  -- private identity and contact
  full_name text CHECK (length(full_name) <= 100),
  full_name_kana text CHECK (length(full_name_kana) <= 100),
  contact_email text CHECK (length(contact_email) <= 254),
  phone text CHECK (length(phone) <= 30),
  prefecture_code text CHECK (prefecture_code ~ '^[0-9]{2}$'),
  headline text NOT NULL DEFAULT '' CHECK (length(headline) <= 140),
  desired_roles text[] NOT NULL DEFAULT '{}',
  desired_appointment_forms text[] NOT NULL DEFAULT '{}',
  -- availability
  available_days numeric(3, 1) CHECK (available_days > 0 AND available_days <= 31),
  available_days_per text CHECK (available_days_per IN ('week', 'month')),
  earliest_start date,
  remote text NOT NULL DEFAULT 'hybrid' CHECK (remote IN ('onsite', 'hybrid', 'remote')),
  side_job boolean NOT NULL DEFAULT false,
  -- 団体コード (6 digits) or 都道府県コード (2 digits) the person is willing to work for
  regions text[] NOT NULL DEFAULT '{}',
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((available_days IS NULL) = (available_days_per IS NULL))
);

-- IPA exam passes (試験制度): 年度 + season; the 支援士 registration is stored apart from the pass.
CREATE TABLE candidate_exam_pass (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  exam_id text NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1969 AND 2200),
  season text NOT NULL CHECK (season IN ('spring', 'autumn', 'other')),
  passed_on date,
  registration_number text CHECK (length(registration_number) <= 20),
  registration_is_current boolean,
  CHECK ((registration_number IS NULL) = (registration_is_current IS NULL))
);
CREATE INDEX candidate_exam_pass_candidate_idx ON candidate_exam_pass (candidate_id, position);

-- CISA, CISM, PMP, 技術士 … from the catalogue (手順書 参考4.4-③), or a free entry.
CREATE TABLE candidate_other_certification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  certification_id text,
  name text CHECK (length(name) <= 100),
  acquired_year integer CHECK (acquired_year BETWEEN 1950 AND 2200),
  CHECK (certification_id IS NOT NULL OR name IS NOT NULL)
);
CREATE INDEX candidate_other_certification_candidate_idx ON candidate_other_certification (candidate_id, position);

CREATE TABLE candidate_experience (
  id uuid PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  starts_on date NOT NULL,
  ends_on date,
  organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL,
  team_size integer CHECK (team_size BETWEEN 1 AND 100000),
  outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 4000),
  job_type_ids text[] NOT NULL DEFAULT '{}',
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX candidate_experience_candidate_idx ON candidate_experience (candidate_id, position);

-- Levels 5–7 declared from experience; self-declared until municipal/prefectural staff verify (手順書 参考4.4-② case L11–L12).
CREATE TABLE candidate_level_claim (
  id uuid PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  job_type_id text NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 5 AND 7),
  experience_entry_ids text[] NOT NULL,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  verified_by uuid,
  verified_by_name text,
  verified_by_organisation_code text CHECK (verified_by_organisation_code ~ '^[0-9]{6}$'),
  verified_by_organisation_name text,
  verified_at timestamptz,
  CHECK ((verified_by IS NULL) = (verified_at IS NULL))
);
CREATE INDEX candidate_level_claim_candidate_idx ON candidate_level_claim (candidate_id, position);

-- Employers by 法人番号 with the relationship and dated period (inclusive); read by the 入札制限 engine.
CREATE TABLE candidate_employment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  corporate_number text NOT NULL REFERENCES company (corporate_number),
  relationship text NOT NULL CHECK (relationship IN ('employee', 'officer', 'secondee', 'side_job', 'owner')),
  title text CHECK (length(title) <= 200),
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX candidate_employment_candidate_idx ON candidate_employment (candidate_id, starts_on);
CREATE INDEX candidate_employment_company_idx ON candidate_employment (corporate_number);

-- Opt-in to the national list ('national') or a prefecture's talent pool (2-digit code), with the visible fields.
CREATE TABLE candidate_consent (
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  pool text NOT NULL CHECK (pool = 'national' OR pool ~ '^[0-9]{2}$'),
  fields text[] NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (candidate_id, pool)
);
CREATE INDEX candidate_consent_pool_idx ON candidate_consent (pool);

-- A staff organisation asks to see contact data; the data shows only once the candidate accepts.
-- organisation_key: a 団体コード (6 digits) for 市区町村・都道府県 staff, or 'national'.
CREATE TABLE candidate_contact_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  organisation_key text NOT NULL CHECK (organisation_key = 'national' OR organisation_key ~ '^[0-9]{6}$'),
  organisation_name text NOT NULL,
  requested_by uuid,
  message text NOT NULL DEFAULT '' CHECK (length(message) <= 2000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE INDEX candidate_contact_request_candidate_idx ON candidate_contact_request (candidate_id, created_at DESC);
CREATE UNIQUE INDEX candidate_contact_request_pending_idx ON candidate_contact_request (candidate_id, organisation_key)
  WHERE status = 'pending';

-- Precomputed facts for matching, rewritten in the same transaction as every profile change. `profile` holds the
-- ScoringProfile documented in server/modules/candidates/scoring.ts; the columns beside it are what filters use.
CREATE TABLE candidate_scoring_profile (
  candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  profile jsonb NOT NULL,
  max_level integer NOT NULL DEFAULT 0,
  prefecture_code text,
  national_list boolean NOT NULL DEFAULT false,
  pool_prefecture_codes text[] NOT NULL DEFAULT '{}',
  remote text NOT NULL,
  days_per_week numeric(3, 1),
  side_job boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_scoring_profile_national_idx ON candidate_scoring_profile (candidate_id) WHERE national_list;
CREATE INDEX candidate_scoring_profile_pools_idx ON candidate_scoring_profile USING gin (pool_prefecture_codes);
CREATE INDEX candidate_scoring_profile_prefecture_idx ON candidate_scoring_profile (prefecture_code);

-- Max level per job type, so "ビジネスストラテジスト ≥ 4" is an index range scan.
CREATE TABLE candidate_job_type_level (
  candidate_id uuid NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  job_type_id text NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 7),
  is_self_declared boolean NOT NULL,
  PRIMARY KEY (candidate_id, job_type_id)
);
CREATE INDEX candidate_job_type_level_idx ON candidate_job_type_level (job_type_id, level DESC);
