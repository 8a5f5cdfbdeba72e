-- owner: matching
-- The ranking query reads every gated vector row, so the row's shape is its speed (bench/matching.ts):
-- * fixed-width columns first, where PostgreSQL finds them at a cached offset instead of walking the arrays;
-- * one `levels` array instead of a verified and a self-declared one: each element is verified × 8 + declared
--   (both 0–7), so a job-type criterion costs one array access and one lookup in a 64-entry table;
-- * `remote_required` instead of the three-valued need: no criterion distinguishes 'preferred' from 'none';
-- * `days_per_week` as real (half days are exact) instead of numeric, which is a variable-length type;
-- * codes (layout, 都道府県・団体コード, certification ids, level tokens) in the "C" collation: they compare
--   bytewise, without a locale lookup for every row and array element;
-- * the level tokens, read only through their GIN index, last.
-- Existing rows are converted as they are, so no vector has to be rebuilt.
CREATE TABLE matching_candidate_vector_compact (
  candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  national_list boolean NOT NULL,
  needs_side_job boolean NOT NULL,
  remote_required boolean NOT NULL,
  days_per_week real,
  earliest_start date,
  layout text COLLATE "C" NOT NULL,
  prefecture_code text COLLATE "C",
  pool_prefecture_codes text[] COLLATE "C" NOT NULL,
  -- 都道府県コード or 団体コード the person will work for
  regions text[] COLLATE "C" NOT NULL,
  -- per job type (1-based position in layout): verified level × 8 + self-declared level, 0 = none
  levels smallint[] NOT NULL,
  -- whole months of experience per kind (position in layout)
  experience_months integer[] NOT NULL,
  -- held certifications plus the current exams they count as
  certification_ids text[] COLLATE "C" NOT NULL,
  -- 'itss.consultant:3' … 'itss.consultant:6': one token per level from 3 up to the best (any basis), so a level
  -- gate of minimum 3 or more is one GIN lookup; lower minimums read `levels`
  level_tokens text[] COLLATE "C" NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO matching_candidate_vector_compact (candidate_id, national_list, needs_side_job, remote_required, days_per_week,
  earliest_start, layout, prefecture_code, pool_prefecture_codes, regions, levels, experience_months, certification_ids,
  level_tokens, refreshed_at)
SELECT candidate_id, national_list, needs_side_job, remote_need = 'required', days_per_week::real, earliest_start, layout,
  prefecture_code, pool_prefecture_codes, regions,
  ARRAY(SELECT (verified * 8 + declared)::smallint
        FROM unnest(verified_levels, declared_levels) WITH ORDINALITY AS pair(verified, declared, position)
        ORDER BY position),
  experience_months, certification_ids, level_tokens, refreshed_at
FROM matching_candidate_vector;

DROP TABLE matching_candidate_vector;
ALTER TABLE matching_candidate_vector_compact RENAME TO matching_candidate_vector;
ALTER TABLE matching_candidate_vector RENAME CONSTRAINT matching_candidate_vector_compact_pkey TO matching_candidate_vector_pkey;
ALTER TABLE matching_candidate_vector RENAME CONSTRAINT matching_candidate_vector_compact_candidate_id_fkey TO matching_candidate_vector_candidate_id_fkey;

-- As in 0060: GIN serves the selective gates (level ≥ 3, a named certification); consent stays unindexed on purpose.
CREATE INDEX matching_candidate_vector_levels_idx ON matching_candidate_vector USING gin (level_tokens);
CREATE INDEX matching_candidate_vector_certifications_idx ON matching_candidate_vector USING gin (certification_ids);
CREATE INDEX matching_candidate_vector_layout_idx ON matching_candidate_vector (layout);
