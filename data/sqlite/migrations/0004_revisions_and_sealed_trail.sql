-- 0004: a revision on every record that a person edits, so that a save made
-- from a stale copy is refused instead of overwriting a colleague's change,
-- and a seal on every audit entry, so that an entry edited or removed behind
-- the app's back is found.
--
-- revision starts at 1 and goes up by one on every update of the row.
-- hash is the SHA-256, as 64 lowercase hex digits, of the entry's fields
-- together with the hash of the entry before it (see data/sqlite/audit_chain.go);
-- entries written before this schema are sealed by the app when it migrates
-- the file, so every entry of a migrated workspace is sealed.

ALTER TABLE organisation ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE people ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE step_progress ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE plan ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assessments ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE answers ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE tasks ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE document_versions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;

ALTER TABLE audit_trail ADD COLUMN hash TEXT NOT NULL DEFAULT '';
