-- owner: postings
-- 募集 in the 標準募集様式 (手順書 §4.4(6), 参考4.4-⑭): written by a 市区町村, collected by its 都道府県, published
-- by 国. The form lives in `form` (validated by shared/domain/postings/form.ts on the way in and out); the columns
-- beside it are what lists, filters and search read. Conditions are rows of their own because matching reads them.
CREATE TABLE posting (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES local_government (code),
  prefecture_code text NOT NULL CHECK (prefecture_code ~ '^[0-9]{2}$' AND prefecture_code = left(municipality_code, 2)),
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'submitted', 'returned', 'forwarded', 'published', 'closed')),
  close_reason text CHECK (close_reason IN ('filled', 'withdrawn', 'expired')),
  -- 1 until the first edit after publication; each such edit adds a posting_revision row
  revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  form jsonb NOT NULL,
  checklist jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- copies of form fields for lists and filters
  title text,
  role_id text CHECK (role_id IN ('producer', 'project_manager', 'service_designer', 'engineer', 'other')),
  appointment_form text,
  remote_allowed boolean,
  side_job_allowed boolean,
  application_ends_on date,
  -- title, role, duties, place, municipality… folded by normalizeForSearch for LIKE '%…%' on both engines
  search_text text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  forwarded_at timestamptz,
  published_at timestamptz,
  revised_at timestamptz,
  closed_at timestamptz,
  CHECK ((state = 'closed') = (close_reason IS NOT NULL))
);

CREATE INDEX posting_municipality_idx ON posting (municipality_code, updated_at DESC);
CREATE INDEX posting_prefecture_state_idx ON posting (prefecture_code, state, updated_at DESC);
CREATE INDEX posting_state_idx ON posting (state, updated_at DESC);
-- the national list: published postings, newest or nearest deadline first
CREATE INDEX posting_published_newest_idx ON posting (published_at DESC, id) WHERE state = 'published';
CREATE INDEX posting_published_deadline_idx ON posting (application_ends_on, id) WHERE state = 'published';
CREATE INDEX posting_published_prefecture_idx ON posting (prefecture_code, published_at DESC) WHERE state = 'published';
CREATE INDEX posting_search_idx ON posting USING gin (search_text gin_trgm_ops);

-- 必須/歓迎の条件 (手順書 §4.4(2)); lists inside a row are alternatives (any of).
CREATE TABLE posting_criterion (
  posting_id uuid NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  importance text NOT NULL CHECK (importance IN ('required', 'preferred')),
  kind text NOT NULL CHECK (kind IN ('job_type_level', 'certification', 'experience', 'local_government_experience')),
  job_type_ids text[],
  min_level integer CHECK (min_level BETWEEN 1 AND 7),
  certification_ids text[],
  experience_kind text,
  min_years numeric(4, 1) CHECK (min_years >= 0),
  note text,
  PRIMARY KEY (posting_id, position),
  CHECK (kind <> 'job_type_level' OR (cardinality(job_type_ids) > 0 AND min_level IS NOT NULL)),
  CHECK (kind <> 'certification' OR cardinality(certification_ids) > 0),
  CHECK (kind <> 'experience' OR experience_kind IS NOT NULL)
);

CREATE INDEX posting_criterion_kind_idx ON posting_criterion (kind, importance);

-- Every published version of a posting, kept when an edit after publication makes a new one.
CREATE TABLE posting_revision (
  posting_id uuid NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
  revision integer NOT NULL CHECK (revision >= 1),
  form jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (posting_id, revision)
);

-- The workflow's steps with their comments (差戻しの理由); the audit log keeps the same facts for everyone else.
CREATE TABLE posting_transition (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- order of steps even when two share an instant
  seq bigint GENERATED ALWAYS AS IDENTITY,
  posting_id uuid NOT NULL REFERENCES posting (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('submit', 'return', 'forward', 'publish', 'close', 'expire')),
  from_state text NOT NULL,
  to_state text NOT NULL,
  actor_kind text NOT NULL,
  actor_user_id uuid,
  comment text,
  occurred_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX posting_transition_posting_idx ON posting_transition (posting_id, seq);
CREATE INDEX posting_transition_forward_idx ON posting_transition (action, occurred_at) WHERE action = 'forward';

-- 特別交付税 for CIO補佐官等 (手順書 参考4.4-⑩): rates and years are data, so a changed rule is a
-- row change. The end year is unconfirmed after 令和7年度 and shown as 要確認.
CREATE TABLE special_grant_rule (
  id text PRIMARY KEY,
  rate numeric(4, 3) NOT NULL CHECK (rate > 0 AND rate <= 1),
  recruitment_cap integer NOT NULL CHECK (recruitment_cap >= 0),
  valid_from_fy integer NOT NULL,
  recruitment_valid_from_fy integer NOT NULL,
  valid_to_fy integer NOT NULL CHECK (valid_to_fy >= valid_from_fy),
  eligible_forms text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('confirmed', 'unconfirmed')),
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO special_grant_rule
  (id, rate, recruitment_cap, valid_from_fy, recruitment_valid_from_fy, valid_to_fy, eligible_forms, status, source)
VALUES
  ('cio_assistant_municipal', 0.5, 1000000, 2021, 2022, 2025, ARRAY['tokubetsushoku_hijokin', 'gyomu_itaku'],
   'unconfirmed', '自治体DX全体手順書【第2.0版】参考4.4-⑩（措置期間「令和7年度まで」、延長の有無は要確認）')
ON CONFLICT (id) DO NOTHING;

-- 募集情報のメール配信 (参考4.4-⑭ ③): only the address and the filters are kept (※1: the minimum).
CREATE TABLE posting_subscription (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  filters jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- SHA-256 of the one-time confirmation token (double opt-in)
  confirm_token_hash text CHECK (confirm_token_hash ~ '^[0-9a-f]{64}$'),
  confirm_expires_at timestamptz,
  -- kept as issued (not hashed) because every digest carries it; it can do nothing but stop this subscription
  unsubscribe_token text NOT NULL UNIQUE CHECK (length(unsubscribe_token) BETWEEN 20 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  -- postings published or revised after this instant go into the next digest
  digest_cursor timestamptz
);

CREATE UNIQUE INDEX posting_subscription_active_email_idx ON posting_subscription (email) WHERE unsubscribed_at IS NULL;
CREATE INDEX posting_subscription_confirm_idx ON posting_subscription (confirm_token_hash) WHERE confirm_token_hash IS NOT NULL;
