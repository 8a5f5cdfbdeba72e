-- Any-of criteria (手順書 参考4.4-④ 「以下のいずれかのスキルレベル又は資格」): one row whose alternatives are of
-- different kinds (a level in some job types, or a certification), kept as a JSON array of the alternatives the
-- posting form validates. Rows of the four plain kinds are unchanged.
ALTER TABLE posting_criterion DROP CONSTRAINT posting_criterion_kind_check;
ALTER TABLE posting_criterion ADD CONSTRAINT posting_criterion_kind_check
  CHECK (kind IN ('job_type_level', 'certification', 'experience', 'local_government_experience', 'any_of'));
ALTER TABLE posting_criterion ADD COLUMN alternatives jsonb;
ALTER TABLE posting_criterion ADD CONSTRAINT posting_criterion_any_of_check
  CHECK ((kind = 'any_of') = (alternatives IS NOT NULL) AND (alternatives IS NULL OR jsonb_array_length(alternatives) >= 2));
