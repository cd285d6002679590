-- 0002: progress on the roadmap and its plan, gap assessments with their
-- answers, and tasks. The steps and questions themselves are content, not
-- stored here: step_id and question_id are the catalogue's stable IDs.
-- Times are UTC RFC 3339 text; dates (due, target_date, assessed_on) are
-- "YYYY-MM-DD" text, NULL when not set.

-- One row per step the organisation has touched; a step without a row is
-- not started. An owner who is deleted leaves the step without an owner.
CREATE TABLE step_progress (
    step_id    TEXT PRIMARY KEY,
    status     TEXT NOT NULL,
    owner_id   INTEGER REFERENCES people (id) ON DELETE SET NULL,
    due        TEXT,
    notes      TEXT NOT NULL DEFAULT '',
    na_reason  TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- Indexes on the owner columns let deleting a person find their steps and
-- tasks without reading every row.
CREATE INDEX step_progress_owner ON step_progress (owner_id);

-- One row only, once a plan is saved.
CREATE TABLE plan (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    target_date TEXT,
    updated_at  TEXT NOT NULL
);

-- AUTOINCREMENT, as for people: an ID is never reused, so the audit trail
-- of a deleted assessment or task is never mixed with a newer one's.
CREATE TABLE assessments (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    assessor    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- score is 0 to 4, or -1 for not applicable.
CREATE TABLE answers (
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    question_id   TEXT NOT NULL,
    score         INTEGER NOT NULL,
    na_reason     TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, question_id)
);

-- source_kind and source_ref say where a task came from ("step" and a step
-- ID, "question" and a question ID, "manual" and nothing).
CREATE TABLE tasks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner_id    INTEGER REFERENCES people (id) ON DELETE SET NULL,
    due         TEXT,
    status      TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_ref  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX tasks_source ON tasks (source_kind, source_ref);
CREATE INDEX tasks_owner ON tasks (owner_id);
