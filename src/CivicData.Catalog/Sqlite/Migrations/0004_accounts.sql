-- Users, their API keys, and the append-only audit log (design.md §6).

CREATE TABLE users (
    id            INTEGER NOT NULL PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'publisher', 'editor', 'viewer')),
    -- The department the user works for; NULL means the whole portal.
    organization  TEXT,
    -- PBKDF2 hash ('pbkdf2-sha256$iterations$salt$hash'); NULL for users who sign in with API keys only.
    password_hash TEXT,
    created_at    TEXT    NOT NULL
);

CREATE TABLE api_keys (
    key_id        TEXT    NOT NULL PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- SHA-256 of the secret, hex. Secrets are 256 random bits, so a fast hash is enough; the secret itself is never stored.
    secret_sha256 TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    revoked_at    TEXT
);

CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE audit_log (
    id      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    at      TEXT    NOT NULL,
    -- Who did it: a user's email, or 'operator' for the command line.
    actor   TEXT    NOT NULL,
    -- What happened, e.g. 'user.add', 'key.create', 'dataset.upsert'.
    action  TEXT    NOT NULL,
    -- What it happened to: a dataset id, an email, a key id.
    target  TEXT    NOT NULL,
    -- JSON object with whatever else matters (counts, changed fields).
    details TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);

-- Append-only: an entry, once written, can be neither changed nor removed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
