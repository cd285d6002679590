-- 0006: the register engine. Every register (risks, services, suppliers,
-- ...) keeps its records in these tables; the registers themselves are
-- declared in data/registers*.go, not here. For other programs the app
-- keeps a view per register, register_<key>, with a column per field
-- (see data/sqlite/register_views.go).
--
-- A record's values are text in the canonical form of data.Record: dates
-- "YYYY-MM-DD", numbers in decimal, choices by key, yes/no as "yes"/"no".
-- sort_key holds the number a value sorts by (a number, a choice's place
-- on its scale, 1 for yes), NULL for text and dates, which sort as text.

-- AUTOINCREMENT, as for people: an ID is never reused, so the audit trail
-- of a deleted record is never mixed with a newer one's. number is the 12
-- of RSK-12, counted per register and never reused either. search is the
-- record's reference and values as a person reads them, in lower case,
-- so that a search reads one column rather than every value.
CREATE TABLE records (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    register   TEXT NOT NULL,
    number     INTEGER NOT NULL,
    search     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    revision   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (register, number)
);

CREATE TABLE record_values (
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    value     TEXT NOT NULL,
    sort_key  REAL,
    PRIMARY KEY (record_id, field)
);

CREATE INDEX record_values_field ON record_values (field, value);

-- A link points at another record. Deleting a record that others link to
-- is refused by the app with their names, and by the foreign key for any
-- other program.
CREATE TABLE record_links (
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    target_id INTEGER NOT NULL REFERENCES records (id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (record_id, field, target_id)
);

CREATE INDEX record_links_target ON record_links (target_id);

-- A person field. Deleting the person removes the link, which the delete
-- records so that undoing it links the person again.
CREATE TABLE record_people (
    record_id INTEGER NOT NULL REFERENCES records (id) ON DELETE CASCADE,
    field     TEXT NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (record_id, field)
);

CREATE INDEX record_people_person ON record_people (person_id);

-- Fields users added to a register in this workspace; choices is a JSON
-- array of the choices' labels.
CREATE TABLE custom_fields (
    register   TEXT NOT NULL,
    key        TEXT NOT NULL,
    label      TEXT NOT NULL,
    type       TEXT NOT NULL,
    choices    TEXT NOT NULL DEFAULT '[]',
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (register, key)
);
