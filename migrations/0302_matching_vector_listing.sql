-- owner: matching
-- The 総務省 外部人材リスト selection in the vector (手順書 参考4.4-⑤): 'any' plus one token per 人材像 the person
-- was selected for, empty when not listed, so a listing line is one array overlap (GIN-served when required).
-- Nobody is listed before this migration, so the default is every existing row's true value.
ALTER TABLE matching_candidate_vector ADD COLUMN listing_tokens text[] NOT NULL DEFAULT '{}';
CREATE INDEX matching_candidate_vector_listing_idx ON matching_candidate_vector USING gin (listing_tokens);
