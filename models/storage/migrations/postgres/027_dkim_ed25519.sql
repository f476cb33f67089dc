-- Herald schema 27 (PostgreSQL): an Ed25519 DKIM key (RFC 8463, ed25519-sha256) beside a sender domain's RSA key.
-- Mail is then signed twice; receivers that do not know Ed25519 check the RSA signature. The Ed25519 key has its
-- own selector (its own TXT record, k=ed25519) and p= is the raw 32-byte public key in base64. Its private half is
-- in the keychain (entry "dkim-ed25519/<domain>"), never here. The table's grants cover the new columns.
ALTER TABLE dkim_keys
    ADD COLUMN ed25519_selector text CHECK (length(ed25519_selector) > 0 AND ed25519_selector <> selector),
    ADD COLUMN ed25519_public_key text,
    ADD CONSTRAINT dkim_keys_ed25519_whole CHECK ((ed25519_selector IS NULL) = (ed25519_public_key IS NULL));
