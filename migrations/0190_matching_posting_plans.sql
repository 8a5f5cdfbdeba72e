-- owner: matching
-- Compiled plans of published postings, so a candidate's recommendations are one query over the open postings
-- instead of scoring every published posting in the server. Every number here is tabulated by the pure scorer
-- (server/modules/matching/plan-rows.ts) from the same tables the ranking SQL inlines.
--
-- A plan is split in two because the two halves scale differently:
-- * the skill lines (levels, certifications, experience) repeat from posting to posting (role presets, default
--   weights), so each distinct set is stored once under the hash of its content and scored once per query;
-- * the working-condition lines (at most one of each kind) differ by posting (dates, place), so they are columns of
--   the posting's own row and cost a few comparisons each.
-- Only published postings have a row; `open_until` is the application deadline ('infinity' when none), so the
-- query reads the open postings through the index and never touches closed ones.
CREATE TABLE matching_skill_line (
  skill_plan text COLLATE "C" NOT NULL,
  line smallint NOT NULL,
  -- 0, or the alternative's position in an any-of line, which scores its best alternative (手順書 参考4.4-④)
  alternative smallint NOT NULL,
  required boolean NOT NULL,
  -- 'level', 'certification', 'experience' or 'none' (a line nothing meets, or the empty set's placeholder)
  kind text COLLATE "C" NOT NULL,
  -- level: 1-based job-type positions in the candidate vector's `levels`; experience: its one kind position
  positions smallint[],
  -- zero-based lookup tables: level points and reached (0/1) by level code; experience points by whole month
  points integer[],
  reached smallint[],
  -- experience: the last month with its own entry in `points`, and the months that meet the line
  cap integer,
  needed integer,
  certification_ids text[] COLLATE "C",
  met_points integer NOT NULL DEFAULT 0,
  PRIMARY KEY (skill_plan, line, alternative)
);

CREATE TABLE matching_posting_plan (
  posting_id uuid PRIMARY KEY REFERENCES posting (id) ON DELETE CASCADE,
  open_until date NOT NULL,
  layout text COLLATE "C" NOT NULL,
  skill_plan text COLLATE "C" NOT NULL,
  -- working conditions: a line the posting lacks is not required and worth nothing
  days_at_least real,
  days_required boolean NOT NULL,
  days_met integer NOT NULL,
  days_partly integer NOT NULL,
  remote_always_met boolean NOT NULL,
  remote_always_partly boolean NOT NULL,
  remote_required boolean NOT NULL,
  remote_met integer NOT NULL,
  remote_partly integer NOT NULL,
  side_job_always_met boolean NOT NULL,
  side_job_required boolean NOT NULL,
  side_job_met integer NOT NULL,
  starts_on date,
  start_grace_until date,
  start_required boolean NOT NULL,
  start_met integer NOT NULL,
  start_partly integer NOT NULL,
  region_always_met boolean NOT NULL,
  region_always_partly boolean NOT NULL,
  -- 都道府県コード, and the 都道府県・団体コード a candidate's regions may name
  region_prefecture_code text COLLATE "C",
  region_places text[] COLLATE "C" NOT NULL,
  region_required boolean NOT NULL,
  region_met integer NOT NULL,
  region_partly integer NOT NULL
);

CREATE INDEX matching_posting_plan_open_idx ON matching_posting_plan (open_until);
CREATE INDEX matching_posting_plan_layout_idx ON matching_posting_plan (layout);

-- Postings whose plan may have changed: the posting row, its criteria or its weights. As for candidate vectors
-- (0060), the triggers only record the id in the same transaction; the plan is rebuilt before the next read.
CREATE SEQUENCE matching_plan_stale_version;
CREATE TABLE matching_plan_stale (
  posting_id uuid PRIMARY KEY,
  version bigint NOT NULL DEFAULT nextval('matching_plan_stale_version')
);

CREATE FUNCTION matching_mark_plan_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO matching_plan_stale (posting_id)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.posting_id ELSE NEW.posting_id END)
  ON CONFLICT (posting_id) DO UPDATE SET version = nextval('matching_plan_stale_version');
  RETURN NULL;
END
$$;

CREATE FUNCTION matching_mark_posting_plan_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO matching_plan_stale (posting_id)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)
  ON CONFLICT (posting_id) DO UPDATE SET version = nextval('matching_plan_stale_version');
  RETURN NULL;
END
$$;

CREATE TRIGGER posting_matching_plan_stale
  AFTER INSERT OR UPDATE OR DELETE ON posting
  FOR EACH ROW EXECUTE FUNCTION matching_mark_posting_plan_stale();
CREATE TRIGGER posting_criterion_matching_plan_stale
  AFTER INSERT OR UPDATE OR DELETE ON posting_criterion
  FOR EACH ROW EXECUTE FUNCTION matching_mark_plan_stale();
CREATE TRIGGER matching_posting_settings_plan_stale
  AFTER INSERT OR UPDATE OR DELETE ON matching_posting_settings
  FOR EACH ROW EXECUTE FUNCTION matching_mark_plan_stale();

-- Every published posting gets its plan on the first read.
INSERT INTO matching_plan_stale (posting_id) SELECT id FROM posting WHERE state = 'published';
