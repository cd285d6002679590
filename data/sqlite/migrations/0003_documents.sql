-- 0003: controlled documents and their versions (clause 7.5). A document is
-- its number, title and owner; its text lives in its versions. A draft's
-- text changes; once a version is approved its text is frozen with its
-- SHA-256, and it stays frozen when it is superseded or withdrawn. Times
-- are UTC RFC 3339 text; review_due is "YYYY-MM-DD" text; clauses is a JSON
-- array of strings.

-- AUTOINCREMENT, as for people: an ID is never reused, so the audit trail
-- of one document or version is never mixed with another's. template_key is
-- '' for a document that did not start from a template.
CREATE TABLE documents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    number       TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    template_key TEXT NOT NULL DEFAULT '',
    clauses      TEXT NOT NULL DEFAULT '[]',
    owner_id     INTEGER REFERENCES people (id) ON DELETE SET NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE INDEX documents_owner ON documents (owner_id);

-- major and minor are the number the version has, or will have once
-- approved. sha256 is '' until the version is approved. A version that
-- was approved keeps its approval fields when it is superseded or
-- withdrawn.
CREATE TABLE document_versions (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id    INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    major          INTEGER NOT NULL CHECK (major >= 1),
    minor          INTEGER NOT NULL CHECK (minor >= 0),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'in-review', 'approved', 'superseded', 'withdrawn')),
    body           TEXT NOT NULL DEFAULT '',
    sha256         TEXT NOT NULL DEFAULT '',
    change_summary TEXT NOT NULL DEFAULT '',
    approved_by    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    approved_at    TEXT,
    review_due     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (status NOT IN ('approved', 'superseded') OR (length(sha256) = 64 AND approved_at IS NOT NULL))
);

CREATE INDEX document_versions_document ON document_versions (document_id, major, minor);
CREATE INDEX document_versions_approver ON document_versions (approved_by);

-- A document has at most one approved version, and at most one version
-- being worked on (a draft or in review).
CREATE UNIQUE INDEX document_versions_one_approved ON document_versions (document_id)
    WHERE status = 'approved';
CREATE UNIQUE INDEX document_versions_one_open ON document_versions (document_id)
    WHERE status IN ('draft', 'in-review');

-- A second line of defence behind the code, for any program that opens the
-- file: the text of an approved, superseded or withdrawn version never
-- changes, such a version is never deleted (nor its document, whose delete
-- would cascade to it), and it never goes back to being worked on. An
-- approved version may still become superseded or withdrawn. These
-- triggers are SQLite's; a PostgreSQL store would need its own.
CREATE TRIGGER document_versions_frozen_text
BEFORE UPDATE OF body, sha256 ON document_versions
WHEN OLD.status IN ('approved', 'superseded', 'withdrawn')
BEGIN
    SELECT RAISE(ABORT, 'approved text is frozen');
END;

CREATE TRIGGER document_versions_frozen_status
BEFORE UPDATE OF status ON document_versions
WHEN (OLD.status = 'approved' AND NEW.status NOT IN ('approved', 'superseded', 'withdrawn'))
  OR (OLD.status IN ('superseded', 'withdrawn') AND NEW.status <> OLD.status)
BEGIN
    SELECT RAISE(ABORT, 'approved text is frozen');
END;

CREATE TRIGGER document_versions_frozen_delete
BEFORE DELETE ON document_versions
WHEN OLD.status IN ('approved', 'superseded', 'withdrawn')
BEGIN
    SELECT RAISE(ABORT, 'approved text is frozen');
END;
