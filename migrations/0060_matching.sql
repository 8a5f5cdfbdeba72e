-- owner: matching
-- Precomputed matching vectors: one compact row per candidate, derived from the candidates module's scoring profile
-- (read through candidates.scoringProfiles), so ranking 100k candidates is one scan with index-served gates and
-- integer lookups instead of parsing jsonb. Arrays indexed by position follow the job-type and experience-kind
-- order recorded in `layout`; a row with another layout is rebuilt.
CREATE TABLE matching_candidate_vector (
  candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  layout text NOT NULL,
  national_list boolean NOT NULL,
  pool_prefecture_codes text[] NOT NULL,
  prefecture_code text,
  -- 都道府県コード or 団体コード the person will work for
  regions text[] NOT NULL,
  -- 'itss.consultant:3' … 'itss.consultant:6': one token per level from 3 up to the best (any basis), so a level
  -- gate (minimum 3 or more, the only ones postings use in practice) is one GIN lookup; lower minimums read the arrays
  level_tokens text[] NOT NULL,
  -- best level per job type (1-based position in layout), 0 = none; derived/verified and self-declared apart
  verified_levels smallint[] NOT NULL,
  declared_levels smallint[] NOT NULL,
  -- held certifications plus the current exams they count as
  certification_ids text[] NOT NULL,
  -- whole months of experience per kind (position in layout)
  experience_months integer[] NOT NULL,
  days_per_week numeric(3, 1),
  remote_need text NOT NULL CHECK (remote_need IN ('required', 'preferred', 'none')),
  needs_side_job boolean NOT NULL,
  earliest_start date,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);

-- Gates a posting makes required are selective (level ≥ 4, a named certification): GIN serves them. Consent is
-- not indexed on purpose: most candidates are in some pool, so an index there only slows the bitmap down.
CREATE INDEX matching_candidate_vector_levels_idx ON matching_candidate_vector USING gin (level_tokens);
CREATE INDEX matching_candidate_vector_certifications_idx ON matching_candidate_vector USING gin (certification_ids);
-- Finding rows of another layout is two empty range scans instead of a full scan.
CREATE INDEX matching_candidate_vector_layout_idx ON matching_candidate_vector (layout);

-- Candidates whose scoring profile changed since their vector was built. The trigger below only records the
-- candidate id (it reads nothing of the profile), in the same transaction as the change, so no update is missed;
-- `version` lets a refresh clear exactly the marks it has seen.
CREATE SEQUENCE matching_vector_stale_version;
CREATE TABLE matching_vector_stale (
  candidate_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT nextval('matching_vector_stale_version')
);

CREATE FUNCTION matching_mark_vector_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO matching_vector_stale (candidate_id)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.candidate_id ELSE NEW.candidate_id END)
  ON CONFLICT (candidate_id) DO UPDATE SET version = nextval('matching_vector_stale_version');
  RETURN NULL;
END
$$;

CREATE TRIGGER candidate_scoring_profile_matching_stale
  AFTER INSERT OR UPDATE OR DELETE ON candidate_scoring_profile
  FOR EACH ROW EXECUTE FUNCTION matching_mark_vector_stale();

-- Weights a municipality adjusted for one posting (criterion id → weight); absent = the role's defaults.
CREATE TABLE matching_posting_settings (
  posting_id uuid PRIMARY KEY REFERENCES posting (id) ON DELETE CASCADE,
  weights jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
