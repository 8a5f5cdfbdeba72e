-- owner: postings
-- A condition may ask for selection by 総務省 for its 外部人材リスト (手順書 参考4.4-⑤), for one 人材像 or for any
-- (listing_role null); inside an any-of row it is an alternative in the JSON like the other kinds.
ALTER TABLE posting_criterion DROP CONSTRAINT posting_criterion_kind_check;
ALTER TABLE posting_criterion ADD CONSTRAINT posting_criterion_kind_check
  CHECK (kind IN ('job_type_level', 'certification', 'experience', 'local_government_experience', 'ministry_listing', 'any_of'));
ALTER TABLE posting_criterion ADD COLUMN listing_role text
  CHECK (listing_role IN ('producer', 'project_manager', 'service_designer', 'engineer'));
