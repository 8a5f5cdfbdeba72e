-- owner: messages
-- One thread per application between the posting municipality's staff and the applicant. Threads exist from the
-- first message; the parties are read from the application each time (never copied), except the municipality
-- code, which scopes staff listings in one indexed condition.
CREATE TABLE message_thread (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL UNIQUE REFERENCES application (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  candidate_id uuid NOT NULL REFERENCES candidate (id),
  last_message_seq bigint NOT NULL DEFAULT 0,
  last_message_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_thread_municipality_idx ON message_thread (municipality_code, last_message_seq DESC);
CREATE INDEX message_thread_candidate_idx ON message_thread (candidate_id, last_message_seq DESC);

-- seq orders messages and read markers without relying on clock resolution.
CREATE TABLE message (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  thread_id uuid NOT NULL REFERENCES message_thread (id),
  author_side text NOT NULL CHECK (author_side IN ('staff', 'candidate')),
  author_account_id uuid,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- set when the author (a candidate) deleted the account: the body is replaced and attachments removed
  anonymised_at timestamptz
);
CREATE INDEX message_thread_seq_idx ON message (thread_id, seq);

CREATE TABLE message_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  size integer NOT NULL CHECK (size BETWEEN 1 AND 5242880),
  content bytea NOT NULL
);
CREATE INDEX message_attachment_message_idx ON message_attachment (message_id);

-- What each signed-in person has read, per thread: the highest message seq they have seen.
CREATE TABLE message_read (
  thread_id uuid NOT NULL REFERENCES message_thread (id),
  account_id uuid NOT NULL,
  read_seq bigint NOT NULL,
  PRIMARY KEY (thread_id, account_id)
);
