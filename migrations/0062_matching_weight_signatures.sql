-- owner: matching
-- Weights follow the criterion they were set for, not its position: each saved weight records what the criterion
-- said (kind and values, facts.ts criterionSignature), so reordering a posting's criteria keeps the weights and
-- editing a criterion returns it to the role's default. Rows saved before this keep applying by position ('{}').
ALTER TABLE matching_posting_settings ADD COLUMN signatures jsonb NOT NULL DEFAULT '{}'::jsonb
  CHECK (jsonb_typeof(signatures) = 'object');
