-- Herald schema 9 (SQLite): what came back after sending. The bounce and complaint intake records one
-- row per report it read from the feedback mailbox (RFC 3464 delivery status, RFC 5965 complaint, mailto
-- unsubscribe), matched to the send it is about; per-campaign counts and rates are read from here.

CREATE TABLE feedback_reports (
    id          INTEGER PRIMARY KEY,
    -- The report's own Message-ID (or a hash of its bytes): reading a message twice records it once.
    report_key  TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe')),
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
    send_id     INTEGER REFERENCES sends (id) ON DELETE SET NULL,
    status_code TEXT NOT NULL DEFAULT '', -- "5.1.1" for a bounce, the feedback type for a complaint
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX feedback_reports_campaign_idx ON feedback_reports (campaign_id, kind);
