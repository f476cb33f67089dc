-- Herald schema 13 (SQLite): the rows "Load sample data" made, so that "Remove sample data" removes exactly those.
CREATE TABLE sample_rows (
    kind   TEXT NOT NULL CHECK (kind IN ('nonprofit', 'template', 'segment', 'sender_identity', 'campaign')),
    row_id INTEGER NOT NULL,
    PRIMARY KEY (kind, row_id)
);
