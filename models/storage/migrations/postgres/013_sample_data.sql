-- Herald schema 13: the rows "Load sample data" made (nonprofits, template, segment, sender identity, campaign),
-- so that "Remove sample data" removes exactly those and nothing a person added.
CREATE TABLE sample_rows (
    kind   text NOT NULL CHECK (kind IN ('nonprofit', 'template', 'segment', 'sender_identity', 'campaign')),
    row_id bigint NOT NULL,
    PRIMARY KEY (kind, row_id)
);
