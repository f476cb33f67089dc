-- Herald schema 16 (SQLite): the index the engagement roll-up uses to find bursts among anonymous clicks (see the
-- PostgreSQL migration).
CREATE INDEX engagement_events_anonymous_clicks_idx ON engagement_events (campaign_id, client_net, agent_class, occurred_at)
    WHERE send_id IS NULL AND kind = 'click';
