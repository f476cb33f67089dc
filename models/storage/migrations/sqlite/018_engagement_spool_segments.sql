-- Herald schema 18 (SQLite): which segments of `herald serve`'s local spool are in engagement_events (see the
-- PostgreSQL migration).
CREATE TABLE engagement_spool_segments (
    instance   text NOT NULL,
    segment    integer NOT NULL,
    written_at integer NOT NULL,
    PRIMARY KEY (instance, segment)
);
CREATE INDEX engagement_spool_segments_age_idx ON engagement_spool_segments (written_at);
