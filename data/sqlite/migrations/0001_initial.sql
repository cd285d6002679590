-- 0001: the workspace marker, the organisation profile, people and their SMS
-- roles, and the audit trail. Times are UTC RFC 3339 text; lists are JSON
-- arrays of strings.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row only: the organisation that runs the SMS.
CREATE TABLE organisation (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    legal_name      TEXT NOT NULL,
    short_name      TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    logo            BLOB,
    scope_statement TEXT NOT NULL DEFAULT '',
    exclusions      TEXT NOT NULL DEFAULT '',
    services        TEXT NOT NULL DEFAULT '[]',
    locations       TEXT NOT NULL DEFAULT '[]',
    paper_size      TEXT NOT NULL,
    date_format     TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- AUTOINCREMENT: an ID is never reused, so the audit trail of a deleted
-- person is never mixed with a newer one's.
CREATE TABLE people (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    job_title  TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- position keeps the roles in the order they were entered.
CREATE TABLE person_roles (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    process   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (person_id, position)
);

CREATE TABLE audit_trail (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    changes   TEXT NOT NULL DEFAULT '[]'
);

CREATE INDEX audit_trail_record ON audit_trail (entity, entity_id, id);
