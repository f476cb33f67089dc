-- Herald schema 8 (SQLite): DKIM keys per sender domain and which providers Herald signs for.
-- The private key lives in the OS keychain (entry "dkim/<domain>"); the database holds where DNS publishes the
-- public half and the half itself, so every Herald sharing the database shows the same record to publish.
CREATE TABLE dkim_keys (
    domain     TEXT PRIMARY KEY CHECK (domain = lower(domain) AND length(domain) > 0),
    selector   TEXT NOT NULL CHECK (length(selector) > 0),
    public_key TEXT NOT NULL,
    bits       INTEGER NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Off for a provider that signs with its own key (an HTTP mail API): Herald's signature is then left out.
ALTER TABLE providers ADD COLUMN dkim_sign INTEGER NOT NULL DEFAULT 1;
UPDATE providers SET dkim_sign = 0 WHERE kind = 'http';
