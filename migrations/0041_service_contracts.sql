-- owner: bid-restrictions
-- 業務委託・派遣・地域活性化起業人の契約 (総務省 自治体DX全体手順書 参考4.4-⑦ A①②): the municipality's contracts with
-- a company, with the A1/A2 rules written into their 仕様書 (parameters checked with validateRuleParameters before
-- they are stored). The bid checks and restricted sets of the municipality read them. Tenant = municipality_code.
CREATE TABLE service_contract (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES local_government (code),
  corporate_number text NOT NULL REFERENCES company (corporate_number),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('gyomu_itaku', 'haken', 'kigyojin')),
  starts_on date NOT NULL,
  ends_on date,
  rule_set jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(rule_set) = 'array'),
  appointment_id uuid REFERENCES appointment (id),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX service_contract_municipality_idx ON service_contract (municipality_code, created_at DESC);
