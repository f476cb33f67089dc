-- Herald schema 19 (SQLite): files sent with every message of a campaign (see the PostgreSQL migration).
CREATE TABLE campaign_attachments (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL CHECK (length(trim(file_name)) > 0),
    content_type TEXT NOT NULL,
    bytes        BLOB NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL,
    position     INTEGER NOT NULL,
    created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (campaign_id, file_name)
);
CREATE INDEX campaign_attachments_campaign_idx ON campaign_attachments (campaign_id, position);
