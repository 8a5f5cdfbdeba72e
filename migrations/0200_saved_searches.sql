-- owner: saved-searches
-- A candidate's saved filters of the national posting search, and which published postings each has been told of.
-- The filters are columns (not JSON) so a publication finds the saved searches it may match in one indexed query;
-- filters_key is the canonical form of all of them, so the same search cannot be saved twice by one account.
CREATE TABLE saved_search (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account (id),
  role_id text,
  prefecture_code text CHECK (prefecture_code ~ '^[0-9]{2}$'),
  remote_allowed boolean,
  side_job_allowed boolean,
  keywords text NOT NULL DEFAULT '' CHECK (length(keywords) <= 100),
  filters_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, filters_key)
);
CREATE INDEX saved_search_account_idx ON saved_search (account_id, created_at DESC);

-- One row per (saved search, posting) ever announced: the primary key makes the announcement happen at most once,
-- whichever server instance publishes and however often a publication is retried.
CREATE TABLE saved_search_delivery (
  saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
  posting_id uuid NOT NULL REFERENCES posting (id),
  delivered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (saved_search_id, posting_id)
);
