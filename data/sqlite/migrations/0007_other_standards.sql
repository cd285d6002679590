-- 0007: whether the organisation also runs, or plans, a management system
-- to ISO 9001 or ISO/IEC 27001, so the manual can show the clauses they
-- share. '' means not pursued; otherwise 'planned' or 'certified'.

ALTER TABLE organisation ADD COLUMN iso9001 TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN iso27001 TEXT NOT NULL DEFAULT '';
