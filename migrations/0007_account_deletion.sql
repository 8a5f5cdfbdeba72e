-- owner: accounts
-- A deleted account keeps its row (candidate profiles, talent-pool records and audit events point at it) but not
-- the person: the address and name are replaced, the password can never match, and every session and one-time
-- link is gone. deleted_at says when; sign-in, sessions and notifications skip such rows.
ALTER TABLE account ADD COLUMN deleted_at timestamptz;
CREATE INDEX account_deleted_idx ON account (deleted_at) WHERE deleted_at IS NOT NULL;
