-- owner: audit
-- Append-only audit log: each state change writes one row in the same transaction. Rows are never changed or
-- removed; the trigger below refuses UPDATE, DELETE and TRUNCATE for every role, the application's included.
CREATE TABLE audit_event (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  -- no foreign key: the log outlives what it describes
  actor_user_id uuid,
  actor_kind text NOT NULL CHECK (actor_kind IN ('anonymous', 'candidate', 'municipality', 'prefecture', 'national', 'system')),
  action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  target_type text,
  target_id text,
  ip text,
  request_id text,
  -- the tenant the event belongs to, so 都道府県の担当者 can read their own prefecture's events
  prefecture_code text CHECK (prefecture_code ~ '^[0-9]{2}$'),
  local_government_code text CHECK (local_government_code ~ '^[0-9]{6}$'),
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id);
CREATE INDEX audit_event_prefecture_idx ON audit_event (prefecture_code, occurred_at DESC);
CREATE INDEX audit_event_target_idx ON audit_event (target_type, target_id);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
