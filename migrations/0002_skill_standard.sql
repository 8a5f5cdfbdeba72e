-- owner: skill-standard
-- Each edition of the skill standard as one validated document. The seed loads the edition shipped in
-- shared/domain/skill-standard; an administrator's corrections of unconfirmed cells are new rows of the same
-- table, so the code never overwrites them.
CREATE TABLE skill_standard_edition (
  version text PRIMARY KEY,
  catalog jsonb NOT NULL,
  is_current boolean NOT NULL DEFAULT false,
  loaded_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX skill_standard_edition_one_current ON skill_standard_edition (is_current) WHERE is_current;
