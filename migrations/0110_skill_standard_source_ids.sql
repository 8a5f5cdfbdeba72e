-- owner: skill-standard
-- Citations in the stored editions use the ids of docs/sources.md: 手順書 and 事例集 for the two 総務省 documents,
-- PROJECT for the project's own reading. Rewritten in place so an administrator's corrections stay; the edition
-- label moves with the shipped data, so start-up does not load it again.
UPDATE skill_standard_edition
   SET catalog = replace(replace(replace(catalog::text, '"SEED004"', '"手順書"'), '"SEED003"', '"事例集"'), '"CATALOG"', '"PROJECT"')::jsonb;
UPDATE skill_standard_edition
   SET version = '2022-09 (令和4年9月) / data 2026-12'
 WHERE version = '2022-09 (令和4年9月) / catalog 2026-11';
