-- Herald schema 18: which segments of `herald serve`'s local spool are in engagement_events. The transaction that
-- writes a segment's events inserts its (instance, segment) here too, so a segment whose file outlived a crash after
-- that commit is not written twice when the spool is replayed. Rows of segments whose files are gone are deleted as
-- serve goes; what a kill leaves is pruned after 30 days.
CREATE TABLE engagement_spool_segments (
    instance   text NOT NULL,   -- the serve process that spooled it (random, one per process)
    segment    bigint NOT NULL, -- its number in that process
    written_at bigint NOT NULL, -- epoch ms
    PRIMARY KEY (instance, segment)
);
CREATE INDEX engagement_spool_segments_age_idx ON engagement_spool_segments (written_at);
