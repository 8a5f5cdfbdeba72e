-- owner: accounts
-- Sign-in, sign-up and password-reset attempts, counted in the database so that every app instance on it shares
-- one count (a count per process would allow as many attempts as there are processes).
-- auth_attempt_window: a fixed window per key (per IP, per account, per IP and account), counted by one upsert.
CREATE TABLE auth_attempt_window (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 1)
);
-- auth_account_delay: sign-in attempts on one account since its last success, and the instant before which the next
-- one is refused (the delay grows with each failure); an attempt reserves its place by one conditional UPDATE.
CREATE TABLE auth_account_delay (
  account_key text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures >= 0),
  not_before timestamptz NOT NULL,
  last_attempt_at timestamptz NOT NULL
);
