-- owner: saved-searches
-- A saved search is mailed as a digest, daily or weekly as the person chooses, instead of once per publication.
-- A publication records the match as before (saved_search_delivery); digest_period stays NULL until a digest
-- takes it. saved_search_digest holds one row per search and period: its primary key is what makes one mail per
-- search per period, whichever server instance sends it.
ALTER TABLE saved_search ADD COLUMN frequency text NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'weekly'));

ALTER TABLE saved_search_delivery ADD COLUMN digest_period text;
-- Matches announced before digests existed were mailed at once: they belong to the day they were mailed on.
UPDATE saved_search_delivery SET digest_period = 'daily:' || to_char(delivered_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD');
CREATE INDEX saved_search_delivery_pending_idx ON saved_search_delivery (saved_search_id) WHERE digest_period IS NULL;

CREATE TABLE saved_search_digest (
  saved_search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
  period text NOT NULL,
  postings integer NOT NULL CHECK (postings > 0),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (saved_search_id, period)
);
