-- owner: applications
-- 応募 through 任用 (手順書 §4.4(2)(3)): a candidate's application to a published posting, the staff's steps with
-- notes and interview dates, and the appointment (任用) that 入札制限 and sharing read.
CREATE TABLE application (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  posting_id uuid NOT NULL REFERENCES posting (id),
  candidate_id uuid NOT NULL REFERENCES candidate (id),
  -- copied from the posting so staff scope is one indexed condition
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  status text NOT NULL DEFAULT 'received'
    CHECK (status IN ('received', 'screening', 'interview', 'offered', 'appointed', 'rejected', 'declined', 'withdrawn')),
  motivation text NOT NULL CHECK (length(motivation) BETWEEN 1 AND 4000),
  resume bytea,
  resume_file_name text CHECK (length(resume_file_name) <= 200),
  resume_size integer CHECK (resume_size BETWEEN 1 AND 5242880),
  interview_at timestamptz,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- set when the candidate deleted the account: the motivation and résumé are gone, the steps remain
  anonymised_at timestamptz,
  UNIQUE (posting_id, candidate_id),
  CHECK ((resume IS NULL) = (resume_size IS NULL))
);
CREATE INDEX application_candidate_idx ON application (candidate_id, submitted_at DESC);
CREATE INDEX application_municipality_idx ON application (municipality_code, status, updated_at DESC);

CREATE TABLE application_step (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES application (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  interview_at timestamptz,
  actor_user_id uuid,
  actor_kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_step_application_idx ON application_step (application_id, created_at);

-- 任用: who serves which municipality, in what form, for which term (inclusive dates), and whether the duties
-- reach procurement (advice, specifications), which is what 入札制限 rules turn on (参考4.4-⑦ C①).
CREATE TABLE appointment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL UNIQUE REFERENCES application (id),
  posting_id uuid NOT NULL REFERENCES posting (id),
  candidate_id uuid NOT NULL REFERENCES candidate (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  role_id text NOT NULL,
  appointment_form text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  advises_on_procurement boolean NOT NULL,
  drafts_specifications boolean NOT NULL,
  -- the employment history as it stood when the appointment was made (the bid check's facts as of that day)
  employment_snapshot jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX appointment_candidate_idx ON appointment (candidate_id, starts_on);
CREATE INDEX appointment_municipality_idx ON appointment (municipality_code, starts_on);
