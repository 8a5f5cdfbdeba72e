-- owner: accounts
-- People who sign in (外部デジタル人材, 市区町村・都道府県・国の担当者), their server-side sessions and the one-time
-- tokens mailed to them. Secrets are never stored: passwords as argon2id hashes, tokens as SHA-256 hex digests.
CREATE TABLE account (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('candidate', 'municipality', 'prefecture', 'national')),
  -- stored trimmed and in lower case (the API normalises), so equality is enough
  email text NOT NULL UNIQUE CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  -- null for an invited staff member who has not yet set a password
  password_hash text,
  email_confirmed_at timestamptz,
  -- 市区町村の担当者: their municipality; 都道府県・市区町村の担当者: their prefecture (first two digits of the code)
  local_government_code text REFERENCES local_government (code),
  prefecture_code text CHECK (prefecture_code ~ '^[0-9]{2}$'),
  created_by uuid REFERENCES account (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (
    CASE kind
      WHEN 'municipality' THEN local_government_code IS NOT NULL AND prefecture_code = left(local_government_code, 2)
      WHEN 'prefecture' THEN local_government_code IS NULL AND prefecture_code IS NOT NULL
      ELSE local_government_code IS NULL AND prefecture_code IS NULL
    END
  ),
  CHECK (kind <> 'candidate' OR password_hash IS NOT NULL)
);

CREATE INDEX account_scope_idx ON account (prefecture_code, local_government_code) WHERE kind <> 'candidate';

CREATE TABLE session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  csrf_token_hash text NOT NULL CHECK (csrf_token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  -- absolute end; the idle end is last_seen_at + the configured idle time
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);

CREATE INDEX session_account_idx ON session (account_id);

CREATE TABLE account_token (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('email_confirmation', 'password_reset', 'invitation')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);
