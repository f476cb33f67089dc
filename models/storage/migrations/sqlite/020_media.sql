-- Herald schema 20 (SQLite): the team's media library (see the PostgreSQL migration).
CREATE TABLE media (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
