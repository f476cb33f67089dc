-- Whether the provider's TLS certificate is checked (off only for a private relay with a self-made certificate).
ALTER TABLE providers ADD COLUMN verify_certificate INTEGER NOT NULL DEFAULT 1;
