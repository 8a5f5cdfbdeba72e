-- owner: applications
-- The terms (任期) of an appointment: the first is the one recorded at 任用, each renewal (更新) adds the next,
-- starting the day after the last. Ending early (途中終了) records the day and the reason on the current term. The
-- appointment's own starts_on / ends_on stay the span served (first day of the first term through the last day of
-- the last, or the early end), which is what 入札制限 and sharing read, so their windows follow a renewal or an
-- early end without a copy.
CREATE TABLE appointment_term (
  appointment_id uuid NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  ended_early_on date,
  end_reason text CHECK (length(end_reason) BETWEEN 1 AND 1000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (appointment_id, seq),
  CHECK (ends_on >= starts_on),
  CHECK ((ended_early_on IS NULL) = (end_reason IS NULL)),
  CHECK (ended_early_on IS NULL OR (ended_early_on >= starts_on AND ended_early_on < ends_on))
);

INSERT INTO appointment_term (appointment_id, seq, starts_on, ends_on, created_by, created_at)
SELECT id, 1, starts_on, ends_on, created_by, created_at FROM appointment;

-- One row per (term, threshold) ever reminded: the primary key makes the 90/60/30-day reminder go out at most once,
-- however many instances run the reminder job at the same time.
CREATE TABLE appointment_term_reminder (
  appointment_id uuid NOT NULL,
  seq integer NOT NULL,
  days_before integer NOT NULL CHECK (days_before IN (90, 60, 30)),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (appointment_id, seq, days_before),
  FOREIGN KEY (appointment_id, seq) REFERENCES appointment_term (appointment_id, seq) ON DELETE CASCADE
);

CREATE INDEX appointment_ends_on_idx ON appointment (ends_on);
