-- owner: bid-restrictions
-- Every bid check writes its facts (about 15 KB of JSON for a municipality with ten appointees, 40 KB for a
-- restricted set) and answer. Compressed they are 2–7 KB, just over the size at which PostgreSQL moves a value out
-- to the TOAST table, which cost a second heap and index insert on every check (~0.15 ms of a 5 ms budget).
-- MAIN keeps them compressed in the row unless the row would not fit in a page. No rewrite: new rows only.
ALTER TABLE bid_check ALTER COLUMN facts SET STORAGE MAIN, ALTER COLUMN result SET STORAGE MAIN;
