-- owner: sharing
-- Sharing external digital talent across municipalities (手順書 §4.4(8)(9), 参考4.4-⑯⑰, §6; 事例集 p.26): talent pools
-- run by a prefecture or a lead city (人材バンク), engagements brokered from them, shared (専門官) and joint (共同任用)
-- appointments, and the prefecture's dispatch register (派遣). Calendar dates are inclusive `date` pairs; yen are
-- integers; 団体コード are text.

-- A person whose time is shared. Either a candidate who opted into a pool (linked to their account) or an expert a
-- prefecture registered itself (owner_prefecture_code). Days per week is what they declared; every commitment
-- of theirs must fit it in every week (shared/domain/sharing/capacity.ts).
CREATE TABLE sharing_talent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  candidate_account_id uuid UNIQUE REFERENCES account (id) ON DELETE SET NULL,
  owner_prefecture_code text CHECK (owner_prefecture_code ~ '^[0-9]{2}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  available_days_per_week numeric(3, 1) NOT NULL CHECK (available_days_per_week > 0 AND available_days_per_week <= 7),
  -- employers by 法人番号 (the 入札制限 engine's Employment shape) for experts not in the candidate registry
  employments jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- the person's own 入札制限 rules (B1, B2, C1, C2, D as RuleConfig), applied at every municipality they serve
  bid_rules jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(bid_rules) = 'array'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (candidate_account_id IS NOT NULL OR owner_prefecture_code IS NOT NULL)
);
CREATE INDEX sharing_talent_owner_idx ON sharing_talent (owner_prefecture_code) WHERE owner_prefecture_code IS NOT NULL;

-- 人材バンク: the operator is a prefecture (its own 団体コード, e.g. 380008) or the lead city of a 連携中枢都市圏
-- (e.g. 福山市 342076). Members may lie in another prefecture (備後圏域 includes 岡山県の笠岡市・井原市).
CREATE TABLE talent_pool (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  operator_code text NOT NULL REFERENCES local_government (code),
  operator_kind text NOT NULL CHECK (operator_kind IN ('prefecture', 'lead_city')),
  -- open pools are listed to candidates so they can opt in
  is_open boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX talent_pool_operator_idx ON talent_pool (operator_code);

CREATE TABLE talent_pool_member (
  pool_id uuid NOT NULL REFERENCES talent_pool (id) ON DELETE CASCADE,
  local_government_code text NOT NULL REFERENCES local_government (code),
  PRIMARY KEY (pool_id, local_government_code)
);
CREATE INDEX talent_pool_member_code_idx ON talent_pool_member (local_government_code);

-- A person's opt-in to one pool: the card they wrote and which of its fields members may see.
CREATE TABLE talent_pool_listing (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL REFERENCES talent_pool (id) ON DELETE CASCADE,
  talent_id uuid NOT NULL REFERENCES sharing_talent (id),
  card jsonb NOT NULL,
  visible_fields text[] NOT NULL,
  role_ids text[] NOT NULL DEFAULT '{}',
  search_text text NOT NULL DEFAULT '',
  is_listed boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (pool_id, talent_id)
);

-- 人材バンクの依頼: a member asks for a listed person; the operator brokers; the person accepts or declines.
CREATE TABLE talent_engagement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pool_id uuid NOT NULL REFERENCES talent_pool (id),
  listing_id uuid NOT NULL REFERENCES talent_pool_listing (id),
  talent_id uuid NOT NULL REFERENCES sharing_talent (id),
  requester_code text NOT NULL REFERENCES local_government (code),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
  expected_days numeric(5, 1) NOT NULL CHECK (expected_days > 0),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'offered', 'agreed', 'declined', 'rejected', 'withdrawn')),
  -- terms the operator proposes with the offer; agreed when the person accepts
  terms_days numeric(5, 1) CHECK (terms_days > 0),
  terms_pay_yen bigint CHECK (terms_pay_yen >= 0),
  terms_payer text CHECK (terms_payer IN ('requester', 'operator', 'other')),
  terms_note text CHECK (length(terms_note) <= 1000),
  decision_note text CHECK (length(decision_note) <= 1000),
  -- conflict-of-interest warnings found at the last step (blocking ones refuse the step instead)
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  agreed_at timestamptz,
  CHECK (ends_on >= starts_on),
  CHECK (state NOT IN ('offered', 'agreed') OR (terms_days IS NOT NULL AND terms_pay_yen IS NOT NULL AND terms_payer IS NOT NULL))
);
CREATE INDEX talent_engagement_pool_idx ON talent_engagement (pool_id, created_at DESC);
CREATE INDEX talent_engagement_talent_idx ON talent_engagement (talent_id, starts_on);
CREATE INDEX talent_engagement_requester_idx ON talent_engagement (requester_code);

-- 共有任用 (kind 'shared': appointed by the operator, serving members a number of days a month each — チーム愛媛) and
-- 共同任用 (kind 'joint': appointed together, each member with its share of time and of the annual cost).
CREATE TABLE shared_appointment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('shared', 'joint')),
  operator_code text NOT NULL REFERENCES local_government (code),
  talent_id uuid NOT NULL REFERENCES sharing_talent (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  role_id text CHECK (role_id IN ('producer', 'project_manager', 'service_designer', 'engineer', 'other')),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  days_per_week numeric(3, 1) CHECK (days_per_week > 0 AND days_per_week <= 7),
  annual_cost_yen bigint CHECK (annual_cost_yen >= 0),
  -- 入札制限 rules written in the 設置要綱・協定 of this appointment; they hold at every municipality served
  bid_rules jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(bid_rules) = 'array'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (kind <> 'joint' OR (days_per_week IS NOT NULL AND annual_cost_yen IS NOT NULL))
);
CREATE INDEX shared_appointment_operator_idx ON shared_appointment (operator_code, starts_on);
CREATE INDEX shared_appointment_talent_idx ON shared_appointment (talent_id, starts_on);

CREATE TABLE shared_appointment_share (
  appointment_id uuid NOT NULL REFERENCES shared_appointment (id) ON DELETE CASCADE,
  local_government_code text NOT NULL REFERENCES local_government (code),
  days_per_month numeric(4, 1) CHECK (days_per_month > 0),
  time_percent integer CHECK (time_percent BETWEEN 1 AND 100),
  cost_yen bigint CHECK (cost_yen >= 0),
  PRIMARY KEY (appointment_id, local_government_code)
);
CREATE INDEX shared_appointment_share_code_idx ON shared_appointment_share (local_government_code);

-- 派遣の上限 per prefecture (静岡県: 年5回; default 5 when no row).
CREATE TABLE dispatch_setting (
  prefecture_code text PRIMARY KEY CHECK (prefecture_code ~ '^[0-9]{2}$'),
  quota_per_fiscal_year integer NOT NULL CHECK (quota_per_fiscal_year BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The prefecture's register of experts (静岡県 ICTエキスパート登録) …
CREATE TABLE dispatch_expert (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prefecture_code text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$'),
  talent_id uuid NOT NULL REFERENCES sharing_talent (id),
  themes text[] NOT NULL DEFAULT '{}',
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (prefecture_code, talent_id)
);

-- … and its support menus (福島県: メニューから選ぶ; 宮城県: 技術的相談・研修).
CREATE TABLE dispatch_menu (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prefecture_code text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  provider text CHECK (length(provider) <= 100),
  modes text[] NOT NULL CHECK (cardinality(modes) BETWEEN 1 AND 2 AND modes <@ ARRAY['online', 'on_site']::text[]),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dispatch_menu_prefecture_idx ON dispatch_menu (prefecture_code, created_at);

-- 派遣依頼: a municipality of the prefecture asks for a menu; the prefecture approves with an expert and a date.
CREATE TABLE dispatch_request (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prefecture_code text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$'),
  local_government_code text NOT NULL REFERENCES local_government (code),
  menu_id uuid NOT NULL REFERENCES dispatch_menu (id),
  topic text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
  -- 'YYYY-MM-DD' strings, 1 to 3, earliest first
  preferred_dates jsonb NOT NULL,
  mode text NOT NULL CHECK (mode IN ('online', 'on_site')),
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'declined', 'cancelled', 'completed')),
  -- the date the quota counts in: the first preferred date until approval, then the scheduled date
  counted_on date NOT NULL,
  expert_id uuid REFERENCES dispatch_expert (id),
  scheduled_on date,
  decision_note text CHECK (length(decision_note) <= 1000),
  outcome_summary text CHECK (length(outcome_summary) <= 4000),
  outcome_days numeric(3, 1) CHECK (outcome_days > 0),
  warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  completed_at timestamptz,
  CHECK (prefecture_code = left(local_government_code, 2)),
  CHECK (state NOT IN ('approved', 'completed') OR (expert_id IS NOT NULL AND scheduled_on IS NOT NULL))
);
CREATE INDEX dispatch_request_prefecture_idx ON dispatch_request (prefecture_code, created_at DESC);
CREATE INDEX dispatch_request_municipality_idx ON dispatch_request (local_government_code, counted_on);
CREATE INDEX dispatch_request_expert_idx ON dispatch_request (expert_id, scheduled_on) WHERE expert_id IS NOT NULL;
