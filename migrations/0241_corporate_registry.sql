-- owner: companies
-- The 国税庁法人番号公表サイト 基本3情報 (全件・差分) as published: address, 法人種別, closure and successor, and the
-- 更新年月日 of the row last applied (an older file never overwrites a newer row). Names stay as published.
ALTER TABLE company ADD COLUMN address text;
ALTER TABLE company ADD COLUMN postal_code text;
ALTER TABLE company ADD COLUMN corporate_kind text;
ALTER TABLE company ADD COLUMN closed_on date;
ALTER TABLE company ADD COLUMN close_cause text;
ALTER TABLE company ADD COLUMN successor_corporate_number text;
ALTER TABLE company ADD COLUMN nta_process text;
ALTER TABLE company ADD COLUMN nta_updated_on date;

-- One import of one downloaded file (identified by its SHA-256): progress committed with every batch, so an
-- interrupted import resumes after the last committed row; the same file again is recognised. A worker holds
-- the import by a lease (claimed_by, heartbeat_at), so two instances never run the same import at once.
CREATE TABLE corporate_import (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  file_sha256 text NOT NULL UNIQUE CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  file_path text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'completed', 'failed')),
  bytes_total bigint,
  bytes_done bigint NOT NULL DEFAULT 0,
  rows_done bigint NOT NULL DEFAULT 0,
  rows_applied bigint NOT NULL DEFAULT 0,
  rows_skipped bigint NOT NULL DEFAULT 0,
  error text,
  started_by uuid,
  claimed_by text,
  heartbeat_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX corporate_import_created_idx ON corporate_import (created_at DESC);
