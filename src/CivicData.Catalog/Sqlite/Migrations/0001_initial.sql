-- The first catalog schema: datasets, their versions, each version's columns, and the search index.
-- Timestamps are ISO 8601 UTC text with milliseconds ('2024-05-01T12:30:00.123Z'), so they sort as they read.

CREATE TABLE datasets (
    id                  TEXT    NOT NULL PRIMARY KEY,
    -- Stable key of this dataset's row in dataset_search (a plain rowid may change on VACUUM).
    search_rowid        INTEGER NOT NULL UNIQUE,
    title               TEXT    NOT NULL,
    description         TEXT    NOT NULL DEFAULT '',
    category            TEXT,
    department          TEXT,
    -- JSON array of strings, e.g. '["permits","housing"]'.
    tags                TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    license             TEXT,
    license_url         TEXT,
    attribution         TEXT,
    attribution_link    TEXT,
    contact_email       TEXT,
    visibility          TEXT    NOT NULL CHECK (visibility IN ('public', 'private')),
    created_at          TEXT    NOT NULL,
    metadata_updated_at TEXT    NOT NULL,
    data_updated_at     TEXT,
    current_version     INTEGER,
    row_identifier      TEXT,
    -- Highest version number ever handed out; numbers are never reused, even after a version is deleted.
    last_version_number INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE dataset_versions (
    dataset_id TEXT    NOT NULL REFERENCES datasets (id) ON DELETE CASCADE,
    number     INTEGER NOT NULL CHECK (number > 0),
    table_name TEXT    NOT NULL UNIQUE,
    row_count  INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    mode       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    PRIMARY KEY (dataset_id, number)
);

CREATE TABLE version_columns (
    dataset_id   TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    column_id    INTEGER NOT NULL,
    field_name   TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    data_type    TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    hidden       INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    PRIMARY KEY (dataset_id, number, position),
    UNIQUE (dataset_id, number, field_name),
    FOREIGN KEY (dataset_id, number) REFERENCES dataset_versions (dataset_id, number) ON DELETE CASCADE
);

-- One row per dataset (rowid = datasets.search_rowid). "columns" holds the current version's visible
-- field names and display names. Kept in sync by the store on create, metadata update and publish.
CREATE VIRTUAL TABLE dataset_search USING fts5(
    title,
    description,
    tags,
    category,
    department,
    columns,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE INDEX datasets_title ON datasets (title COLLATE NOCASE, id);
