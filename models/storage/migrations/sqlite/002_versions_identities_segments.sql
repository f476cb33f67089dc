-- Herald schema 2 (SQLite): installation settings, template history, sender identities, segments.

CREATE TABLE app_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE template_versions (
    template_id INTEGER NOT NULL REFERENCES templates (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    name        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    html_body   TEXT NOT NULL,
    text_body   TEXT NOT NULL,
    saved_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (template_id, version)
) WITHOUT ROWID;

CREATE TABLE sender_identities (
    id                   INTEGER PRIMARY KEY,
    uuid                 TEXT NOT NULL UNIQUE,
    name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
    from_name            TEXT NOT NULL DEFAULT '',
    from_email           TEXT NOT NULL,
    reply_to             TEXT NOT NULL DEFAULT '',
    postal_address       TEXT NOT NULL DEFAULT '',
    unsubscribe_base_url TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version              INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX sender_identities_name_key ON sender_identities (lower(name));

CREATE TABLE segments (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    definition TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    version    INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX segments_name_key ON segments (lower(name));

ALTER TABLE campaigns ADD COLUMN sender_identity_id INTEGER REFERENCES sender_identities (id) ON DELETE SET NULL;
ALTER TABLE campaigns ADD COLUMN segment_id INTEGER REFERENCES segments (id) ON DELETE SET NULL;
ALTER TABLE campaigns ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
