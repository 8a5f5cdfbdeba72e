-- owner: bid-restrictions
-- The facts a bid check was decided on are mostly the same from one check to the next (the same appointees and
-- company graph for every bidder of a procurement), so each distinct facts document is stored once, keyed by the
-- SHA-256 of its JSON text, and the append-only log refers to it. Replay reads the same document as before.
CREATE TABLE bid_check_facts (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  facts jsonb NOT NULL
);
-- compressed in the row, as bid_check's columns (0042)
ALTER TABLE bid_check_facts ALTER COLUMN facts SET STORAGE MAIN;

CREATE FUNCTION bid_check_facts_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bid_check_facts is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER bid_check_facts_append_only BEFORE UPDATE OR DELETE ON bid_check_facts
  FOR EACH ROW EXECUTE FUNCTION bid_check_facts_is_append_only();
CREATE TRIGGER bid_check_facts_no_truncate BEFORE TRUNCATE ON bid_check_facts
  FOR EACH STATEMENT EXECUTE FUNCTION bid_check_facts_is_append_only();

-- Rows logged so far move their facts across once; the log's append-only trigger is lifted for this statement only.
INSERT INTO bid_check_facts (hash, facts)
  SELECT DISTINCT encode(sha256(convert_to(facts::text, 'UTF8')), 'hex'), facts FROM bid_check;
ALTER TABLE bid_check ADD COLUMN facts_hash text REFERENCES bid_check_facts (hash);
ALTER TABLE bid_check DISABLE TRIGGER bid_check_append_only;
UPDATE bid_check SET facts_hash = encode(sha256(convert_to(facts::text, 'UTF8')), 'hex');
ALTER TABLE bid_check ENABLE TRIGGER bid_check_append_only;
ALTER TABLE bid_check ALTER COLUMN facts_hash SET NOT NULL;
ALTER TABLE bid_check DROP COLUMN facts;
