-- owner: local-governments
-- 全国地方公共団体コード: the 47 prefectures and 1,741 municipalities that can recruit (../shared/data README).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE local_government (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  prefecture_code text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$'),
  name text NOT NULL,
  name_kana text NOT NULL,
  prefecture_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('prefecture', 'designated_city', 'core_city', 'city', 'special_ward', 'town', 'village')),
  population integer CHECK (population IS NULL OR population >= 0),
  population_source text,
  -- name and kana normalised (NFKC, katakana → hiragana) for substring search on both engines
  search_text text NOT NULL
);

CREATE INDEX local_government_prefecture_idx ON local_government (prefecture_code, code);
CREATE INDEX local_government_search_idx ON local_government USING gin (search_text gin_trgm_ops);
