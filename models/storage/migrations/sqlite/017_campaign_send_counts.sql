-- Herald schema 17 (SQLite): each campaign's messages per status, kept as the queue changes (see the PostgreSQL
-- migration). SQLite has one writer at a time, so one row per key is updated in place by row triggers.
CREATE TABLE campaign_send_counts (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    status        TEXT NOT NULL,
    failed_before INTEGER NOT NULL, -- 1: the row carries an error from an earlier attempt (a retry, when pending)
    n             INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, status, failed_before)
);

INSERT INTO campaign_send_counts (campaign_id, status, failed_before, n)
    SELECT campaign_id, status, error IS NOT NULL, count(*) FROM sends GROUP BY 1, 2, 3;

CREATE TRIGGER sends_counted_insert AFTER INSERT ON sends
BEGIN
    INSERT INTO campaign_send_counts (campaign_id, status, failed_before, n)
        VALUES (NEW.campaign_id, NEW.status, NEW.error IS NOT NULL, 1)
        ON CONFLICT (campaign_id, status, failed_before) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER sends_counted_update AFTER UPDATE OF status, error ON sends
    WHEN OLD.status IS NOT NEW.status OR (OLD.error IS NULL) <> (NEW.error IS NULL)
BEGIN
    UPDATE campaign_send_counts SET n = n - 1
        WHERE campaign_id = OLD.campaign_id AND status = OLD.status AND failed_before = (OLD.error IS NOT NULL);
    INSERT INTO campaign_send_counts (campaign_id, status, failed_before, n)
        VALUES (NEW.campaign_id, NEW.status, NEW.error IS NOT NULL, 1)
        ON CONFLICT (campaign_id, status, failed_before) DO UPDATE SET n = n + 1;
END;

-- A campaign being deleted takes its counts with it (ON DELETE CASCADE): its rows are not counted down.
CREATE TRIGGER sends_counted_delete AFTER DELETE ON sends
    WHEN EXISTS (SELECT 1 FROM campaigns c WHERE c.id = OLD.campaign_id)
BEGIN
    UPDATE campaign_send_counts SET n = n - 1
        WHERE campaign_id = OLD.campaign_id AND status = OLD.status AND failed_before = (OLD.error IS NOT NULL);
END;
