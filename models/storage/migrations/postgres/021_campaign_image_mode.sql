-- Herald schema 21: how a campaign's messages carry the media library images their HTML shows (issue 17): embedded
-- in every message as inline parts (cid:, heavier messages) or linked from `herald serve` at the public address
-- (light messages; the images need the server).
ALTER TABLE campaigns ADD COLUMN image_mode text NOT NULL DEFAULT 'embedded'
    CHECK (image_mode IN ('embedded', 'linked'));
