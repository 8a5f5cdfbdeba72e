-- owner: candidates
-- The 総務省 外部人材リスト (手順書 §4.4(2), 参考4.4-⑤): a person's selection by the ministry, recorded by national
-- administrators: the 人材像 selected for, whether the ministry's training is completed, and the 年度 of selection.
-- One row per person; a correction replaces it (the audit log keeps who changed what and why).
CREATE TABLE candidate_ministry_listing (
  candidate_id uuid PRIMARY KEY REFERENCES candidate (id) ON DELETE CASCADE,
  roles text[] NOT NULL CHECK (cardinality(roles) BETWEEN 1 AND 4
    AND roles <@ ARRAY['producer', 'project_manager', 'service_designer', 'engineer']::text[]),
  training_completed boolean NOT NULL,
  fiscal_year smallint NOT NULL CHECK (fiscal_year BETWEEN 2022 AND 2099),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now()
);
