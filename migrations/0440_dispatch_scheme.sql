-- 派遣制度 per prefecture, not one shape (事例集 p.26 宮城・福島・静岡; 手順書 参考4.4-⑯ ①): who pays, limits in the
-- scheme's own units (times or menus per 年度 per requester, days on site or hours online per request), who may ask,
-- and a contracted adviser (宮城県). A NULL limit means none (宮城県: 随時).
ALTER TABLE dispatch_setting
  ALTER COLUMN quota_per_fiscal_year DROP NOT NULL,
  ADD COLUMN scheme_name text NOT NULL DEFAULT '専門家派遣' CHECK (length(scheme_name) BETWEEN 1 AND 100),
  ADD COLUMN cost_bearer text NOT NULL DEFAULT 'prefecture' CHECK (cost_bearer IN ('prefecture', 'requester', 'shared')),
  ADD COLUMN menus_per_fiscal_year integer CHECK (menus_per_fiscal_year BETWEEN 1 AND 100),
  ADD COLUMN max_days_per_request numeric(3, 1) CHECK (max_days_per_request > 0 AND max_days_per_request <= 30),
  ADD COLUMN max_hours_per_request numeric(4, 1) CHECK (max_hours_per_request > 0 AND max_hours_per_request <= 200),
  ADD COLUMN requester_kinds text[] NOT NULL DEFAULT ARRAY['municipality']::text[]
    CHECK (cardinality(requester_kinds) BETWEEN 1 AND 3
      AND requester_kinds <@ ARRAY['municipality', 'board_of_education', 'chamber_of_commerce']::text[]),
  ADD COLUMN adviser_expert_id uuid REFERENCES dispatch_expert (id),
  ADD COLUMN notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000);

-- Who asked (申請団体): the municipality itself, its 教育委員会, or a named 商工会 in its area; limits count per
-- requester. Days on site and hours online asked for.
ALTER TABLE dispatch_request
  ADD COLUMN requester_kind text NOT NULL DEFAULT 'municipality'
    CHECK (requester_kind IN ('municipality', 'board_of_education', 'chamber_of_commerce')),
  ADD COLUMN requester_name text CHECK (length(requester_name) BETWEEN 1 AND 100),
  ADD COLUMN requested_days numeric(3, 1) NOT NULL DEFAULT 1 CHECK (requested_days > 0),
  ADD COLUMN requested_hours numeric(4, 1) CHECK (requested_hours > 0),
  ADD CONSTRAINT dispatch_request_requester_named
    CHECK ((requester_kind = 'chamber_of_commerce') = (requester_name IS NOT NULL));
