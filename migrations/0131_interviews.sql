-- owner: interviews
-- An interview of an application: staff propose one to three slots, the applicant picks one or asks for others.
-- The calendar event keeps one UID for its life; `sequence` is the iCalendar SEQUENCE, raised each time an issued
-- event changes or is cancelled (RFC 5545 §3.8.7.4).
CREATE TABLE interview (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES application (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  candidate_id uuid NOT NULL REFERENCES candidate (id),
  uid text NOT NULL UNIQUE,
  state text NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'scheduled', 'reschedule_requested', 'cancelled')),
  sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
  -- whether an invitation was ever sent (so the next change raises the sequence)
  issued boolean NOT NULL DEFAULT false,
  chosen_slot_id uuid,
  candidate_note text NOT NULL DEFAULT '' CHECK (length(candidate_note) <= 1000),
  cancel_reason text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 1000),
  -- the sequence the day-before reminder was sent for: a reminder goes out once per version of the event
  reminded_sequence integer,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- at most one open interview per application
CREATE UNIQUE INDEX interview_open_idx ON interview (application_id) WHERE state <> 'cancelled';
CREATE INDEX interview_municipality_idx ON interview (municipality_code);

CREATE TABLE interview_slot (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  interview_id uuid NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 3),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN ('online', 'in_person')),
  -- the meeting link (online) or the place (in person)
  location text NOT NULL CHECK (length(location) BETWEEN 1 AND 500),
  CHECK (ends_at > starts_at)
);
CREATE INDEX interview_slot_interview_idx ON interview_slot (interview_id, position);
CREATE INDEX interview_slot_starts_idx ON interview_slot (starts_at);

-- owner: mail (an invitation travels with its message: text/calendar, METHOD REQUEST or CANCEL)
ALTER TABLE mail_outbox ADD COLUMN calendar text;
ALTER TABLE mail_outbox ADD COLUMN calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL'));
