-- Herald schema 8 (PostgreSQL): DKIM keys per sender domain and which providers Herald signs for.
-- The private key lives in the OS keychain (entry "dkim/<domain>"); the database holds where DNS publishes the
-- public half and the half itself, so every Herald sharing the database shows the same record to publish.
CREATE TABLE dkim_keys (
    domain     text PRIMARY KEY CHECK (domain = lower(domain) AND length(domain) > 0),
    selector   text NOT NULL CHECK (length(selector) > 0),
    public_key text NOT NULL,
    bits       integer NOT NULL,
    created_at timestamptz(3) NOT NULL DEFAULT now(),
    updated_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Off for a provider that signs with its own key (an HTTP mail API): Herald's signature is then left out.
ALTER TABLE providers ADD COLUMN dkim_sign boolean NOT NULL DEFAULT true;
UPDATE providers SET dkim_sign = false WHERE kind = 'http';
