-- owner: bid-restrictions
-- 入札制限 (総務省 自治体DX全体手順書 参考4.4-⑦⑧⑨): the rule set of each appointment, the municipality's procurement
-- cases with who takes part in them, exemption applications (rule D), signed pledges (誓約書), and an append-only
-- log of every check with the facts it used, so an auditor can replay a decision. Tenant = municipality_code.

-- The rule set a municipality chose for one appointment (B1, B2, C1, C2, D), parameters checked with
-- validateRuleParameters before they are stored. No row = the default from the posting's 入札制限 clause.
CREATE TABLE appointment_rule_set (
  appointment_id uuid PRIMARY KEY REFERENCES appointment (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX appointment_rule_set_municipality_idx ON appointment_rule_set (municipality_code);

-- 調達案件: what a bid is made on. Company lists hold 法人番号 validated by the contract (check digit); they need
-- not be in the company registry (an unknown bidder is answered, not refused).
CREATE TABLE procurement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES local_government (code),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  categories text[] NOT NULL CHECK (
    cardinality(categories) >= 1
    AND categories <@ ARRAY['design_development', 'operation_maintenance', 'audit', 'equipment_software', 'other']::text[]
  ),
  published_on date,
  bids_on date,
  -- rules on vendors independent of persons: G_i, G_ro
  rules jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(rules) = 'array'),
  spec_drafter_corporate_numbers text[] NOT NULL DEFAULT '{}',
  no_advantage_corporate_numbers text[] NOT NULL DEFAULT '{}',
  pmo_vendor_corporate_numbers text[] NOT NULL DEFAULT '{}',
  expected_bidder_corporate_numbers text[] NOT NULL DEFAULT '{}',
  counterparty_corporate_numbers text[] NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (bids_on IS NULL OR published_on IS NULL OR bids_on >= published_on)
);
CREATE INDEX procurement_municipality_idx ON procurement (municipality_code, created_at DESC);

-- Which appointees advise on / draft the specification of / evaluate / supervise a procurement (関係職員: 参考4.4-⑨).
CREATE TABLE procurement_participant (
  procurement_id uuid NOT NULL REFERENCES procurement (id) ON DELETE CASCADE,
  appointment_id uuid NOT NULL REFERENCES appointment (id),
  role text NOT NULL CHECK (role IN ('advises', 'drafts_spec', 'evaluates', 'supervises')),
  PRIMARY KEY (procurement_id, appointment_id, role)
);
CREATE INDEX procurement_participant_appointment_idx ON procurement_participant (appointment_id);

-- 適用除外の申請 (参考4.4-⑨ (a)(b)(c)) for one procurement and one company; staff approve or reject with a reason.
CREATE TABLE bid_exemption (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  procurement_id uuid NOT NULL REFERENCES procurement (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  corporate_number text NOT NULL CHECK (corporate_number ~ '^[0-9]{13}$'),
  -- (a) no contact with the person about the specification; (c) accepts an audit: both must be attested
  attests_no_contact boolean NOT NULL CHECK (attests_no_contact),
  accepts_audit boolean NOT NULL CHECK (accepts_audit),
  -- (b) the record of contacts since the specification was drafted
  contact_history_file_name text NOT NULL CHECK (length(contact_history_file_name) BETWEEN 1 AND 200),
  contact_history_media_type text NOT NULL CHECK (contact_history_media_type IN ('application/pdf', 'text/plain')),
  contact_history bytea NOT NULL,
  contact_history_size integer NOT NULL CHECK (contact_history_size BETWEEN 1 AND 1048576),
  statement text NOT NULL DEFAULT '' CHECK (length(statement) <= 4000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason text CHECK (length(decision_reason) <= 2000),
  decided_by uuid,
  decided_at timestamptz,
  applied_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
CREATE INDEX bid_exemption_procurement_idx ON bid_exemption (procurement_id, corporate_number);
-- at most one open (pending or approved) application per procurement and company; a rejected one may be retried
CREATE UNIQUE INDEX bid_exemption_open_idx ON bid_exemption (procurement_id, corporate_number) WHERE status <> 'rejected';

-- 誓約書 (参考4.4-⑨): signed per appointment; a new signature adds a row, the latest one counts.
CREATE TABLE pledge (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  appointment_id uuid NOT NULL REFERENCES appointment (id),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  signer_name text NOT NULL CHECK (length(signer_name) BETWEEN 1 AND 100),
  signed_on date NOT NULL,
  disclosed_employers jsonb NOT NULL CHECK (jsonb_typeof(disclosed_employers) = 'array'),
  side_jobs jsonb NOT NULL CHECK (jsonb_typeof(side_jobs) = 'array'),
  shareholdings jsonb NOT NULL CHECK (jsonb_typeof(shareholdings) = 'array'),
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pledge_appointment_idx ON pledge (appointment_id, created_at DESC);
CREATE INDEX pledge_municipality_idx ON pledge (municipality_code);

-- Every bid check, act check and restricted-set query, with the facts it used and the answer: append-only.
CREATE TABLE bid_check (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('bid', 'act', 'restricted_set')),
  municipality_code text NOT NULL CHECK (municipality_code ~ '^[0-9]{6}$'),
  procurement_id uuid NOT NULL,
  appointment_id uuid,
  bidder_corporate_number text,
  act text,
  as_of date NOT NULL,
  decision text NOT NULL,
  facts jsonb NOT NULL,
  result jsonb NOT NULL,
  engine_version text NOT NULL,
  actor_user_id uuid,
  actor_kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bid_check_procurement_idx ON bid_check (procurement_id, created_at DESC);
CREATE INDEX bid_check_municipality_idx ON bid_check (municipality_code, created_at DESC);

CREATE FUNCTION bid_check_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bid_check is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER bid_check_append_only BEFORE UPDATE OR DELETE ON bid_check
  FOR EACH ROW EXECUTE FUNCTION bid_check_is_append_only();
CREATE TRIGGER bid_check_no_truncate BEFORE TRUNCATE ON bid_check
  FOR EACH STATEMENT EXECUTE FUNCTION bid_check_is_append_only();
