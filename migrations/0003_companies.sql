-- owner: companies
-- Companies by 法人番号 and their dated group links, read by the 入札制限 engine (手順書 §4.4(4), 参考4.4-⑦⑨).
CREATE TABLE company (
  corporate_number text PRIMARY KEY CHECK (corporate_number ~ '^[0-9]{13}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_kana text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- parent_subsidiary: parent → subsidiary (会社法 2条3号・4号); consolidated_group: group head → member (連結決算の対象);
-- related: 関連事業者 other than the above. Links may form cycles; the engine traverses with cycle protection.
CREATE TABLE company_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('parent_subsidiary', 'consolidated_group', 'related')),
  from_corporate_number text NOT NULL REFERENCES company (corporate_number),
  to_corporate_number text NOT NULL REFERENCES company (corporate_number),
  starts_on date,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_corporate_number <> to_corporate_number),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);

CREATE INDEX company_link_from_idx ON company_link (from_corporate_number);
CREATE INDEX company_link_to_idx ON company_link (to_corporate_number);
CREATE INDEX company_name_idx ON company USING gin (name gin_trgm_ops);
