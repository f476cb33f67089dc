-- Herald schema 21 (SQLite): how a campaign's messages carry their images (see the PostgreSQL migration).
ALTER TABLE campaigns ADD COLUMN image_mode TEXT NOT NULL DEFAULT 'embedded'
    CHECK (image_mode IN ('embedded', 'linked'));
