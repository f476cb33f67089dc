-- Herald schema 14 (SQLite): engagement, as on PostgreSQL (see its migration for what each table is for).
-- Times are epoch milliseconds.
ALTER TABLE campaigns ADD COLUMN tracking TEXT NOT NULL DEFAULT 'anonymous'
    CHECK (tracking IN ('off', 'anonymous', 'per_recipient'));
ALTER TABLE campaigns ADD COLUMN public_base_url TEXT NOT NULL DEFAULT '';

CREATE TABLE campaign_links (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    link_no      INTEGER NOT NULL CHECK (link_no > 0),
    url          TEXT NOT NULL,
    personalised INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, link_no)
) WITHOUT ROWID;

CREATE TABLE engagement_events (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL,
    send_id     INTEGER,
    link_no     INTEGER,
    kind        TEXT NOT NULL CHECK (kind IN ('open', 'click')),
    occurred_at INTEGER NOT NULL,
    method      TEXT NOT NULL DEFAULT 'GET',
    agent_class TEXT NOT NULL DEFAULT 'unknown',
    client_net  TEXT NOT NULL DEFAULT '',
    verdict     TEXT NOT NULL DEFAULT 'human' CHECK (verdict IN ('human', 'machine')),
    reason      TEXT NOT NULL DEFAULT '',
    rolled_up   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX engagement_events_waiting_idx ON engagement_events (occurred_at) WHERE rolled_up = 0;
CREATE INDEX engagement_events_campaign_idx ON engagement_events (campaign_id, occurred_at);
CREATE INDEX engagement_events_send_idx ON engagement_events (send_id) WHERE send_id IS NOT NULL;
CREATE INDEX engagement_events_age_idx ON engagement_events (occurred_at);

CREATE TABLE campaign_engagement (
    campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    verdict       TEXT NOT NULL CHECK (verdict IN ('human', 'machine')),
    opens         INTEGER NOT NULL DEFAULT 0,
    clicks        INTEGER NOT NULL DEFAULT 0,
    unique_opens  INTEGER NOT NULL DEFAULT 0,
    unique_clicks INTEGER NOT NULL DEFAULT 0,
    implied_opens INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, verdict)
) WITHOUT ROWID;

CREATE TABLE link_engagement (
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    link_no         INTEGER NOT NULL,
    verdict         TEXT NOT NULL CHECK (verdict IN ('human', 'machine')),
    clicks          INTEGER NOT NULL DEFAULT 0,
    unique_clickers INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, link_no, verdict)
) WITHOUT ROWID;

CREATE TABLE engagement_hourly (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    hour_start  INTEGER NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('human', 'machine')),
    opens       INTEGER NOT NULL DEFAULT 0,
    clicks      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, hour_start, verdict)
) WITHOUT ROWID;

CREATE TABLE send_engagement (
    send_id             INTEGER PRIMARY KEY REFERENCES sends (id) ON DELETE CASCADE,
    campaign_id         INTEGER NOT NULL,
    first_human_open    INTEGER,
    first_machine_open  INTEGER,
    first_human_click   INTEGER,
    first_machine_click INTEGER,
    human_opens         INTEGER NOT NULL DEFAULT 0,
    human_clicks        INTEGER NOT NULL DEFAULT 0,
    machine_events      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX send_engagement_campaign_idx ON send_engagement (campaign_id);

CREATE TABLE send_link_engagement (
    send_id        INTEGER NOT NULL REFERENCES sends (id) ON DELETE CASCADE,
    link_no        INTEGER NOT NULL,
    campaign_id    INTEGER NOT NULL,
    human_clicks   INTEGER NOT NULL DEFAULT 0,
    machine_clicks INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (send_id, link_no)
) WITHOUT ROWID;
CREATE INDEX send_link_engagement_campaign_idx ON send_link_engagement (campaign_id, link_no);

CREATE TABLE engagement_roller (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    holder      TEXT NOT NULL DEFAULT '',
    lease_until INTEGER NOT NULL DEFAULT 0
);
INSERT INTO engagement_roller (id) VALUES (1);
