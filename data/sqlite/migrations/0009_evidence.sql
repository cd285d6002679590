-- 0009: evidence files kept inside the workspace. A file's bytes are stored
-- once, named by their SHA-256, however many things they are attached to;
-- an attachment names what it is attached to by kind ('record', 'answer',
-- 'step', 'document', 'clause') and reference (an ID, a question or step
-- id, a clause number), which is why it carries no foreign key: a
-- deleted record's attachments stay, so that restoring the record brings
-- them back.

CREATE TABLE evidence_blobs (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    content BLOB NOT NULL
);

-- AUTOINCREMENT: an attachment's ID is never reused, so its audit trail is
-- never mixed with a newer one's.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256      TEXT NOT NULL REFERENCES evidence_blobs (sha256),
    target_kind TEXT NOT NULL,
    target_ref  TEXT NOT NULL,
    name        TEXT NOT NULL,
    media_type  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL DEFAULT ''
);

CREATE INDEX evidence_target ON evidence (target_kind, target_ref);
CREATE INDEX evidence_sha256 ON evidence (sha256);
