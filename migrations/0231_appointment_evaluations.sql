-- owner: applications
-- A structured review of an appointment (手順書 §4.4(7): the activity checked against what was expected, in
-- dialogue): at the end of a term or whenever staff ask. Objectives come from the posting's 取組分野, each with
-- what was achieved; the municipality's assessment and its view on renewal; the person's own view, written by them.
CREATE TABLE appointment_evaluation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
  term_seq integer NOT NULL,
  -- copied from the appointment so a prefecture's summary is one indexed condition
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  occasion text NOT NULL CHECK (occasion IN ('term_end', 'on_demand')),
  objectives jsonb NOT NULL DEFAULT '[]'::jsonb,
  assessment text NOT NULL CHECK (assessment IN ('exceeded', 'met', 'partly_met', 'not_met')),
  assessment_note text NOT NULL DEFAULT '' CHECK (length(assessment_note) <= 2000),
  renewal text NOT NULL CHECK (renewal IN ('renew', 'not_renew', 'undecided')),
  self_review text CHECK (length(self_review) BETWEEN 1 AND 2000),
  self_reviewed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((self_review IS NULL) = (self_reviewed_at IS NULL)),
  FOREIGN KEY (appointment_id, term_seq) REFERENCES appointment_term (appointment_id, seq)
);
CREATE INDEX appointment_evaluation_appointment_idx ON appointment_evaluation (appointment_id, created_at);
CREATE INDEX appointment_evaluation_municipality_idx ON appointment_evaluation (municipality_code);
