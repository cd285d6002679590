-- 0005: what a printed document's front matter needs besides its number
-- and owner: who receives it, and the day its approved text takes effect.
--
-- distribution is the document's distribution list, one recipient a line,
-- '' when none is recorded. effective_from is "YYYY-MM-DD" text, set when
-- a version is approved: the day of approval or a later one. A version
-- approved before this schema took effect on the day it was approved, so it
-- gets that day (approved_at is UTC RFC 3339 text, whose first ten
-- characters are the day).

ALTER TABLE documents ADD COLUMN distribution TEXT NOT NULL DEFAULT '';
ALTER TABLE document_versions ADD COLUMN effective_from TEXT;

UPDATE document_versions SET effective_from = substr(approved_at, 1, 10)
    WHERE approved_at IS NOT NULL;
