-- Herald schema 27 (SQLite): an Ed25519 DKIM key (RFC 8463, ed25519-sha256) beside a sender domain's RSA key; see
-- the PostgreSQL migration. SQLite cannot add a table constraint to an existing table: DkimKeyRepository writes
-- both columns together.
ALTER TABLE dkim_keys ADD COLUMN ed25519_selector TEXT CHECK (length(ed25519_selector) > 0 AND ed25519_selector <> selector);
ALTER TABLE dkim_keys ADD COLUMN ed25519_public_key TEXT;
