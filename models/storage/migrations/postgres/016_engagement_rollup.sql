-- Herald schema 16: what the engagement roll-up needs to find bursts among anonymous clicks. Without a recipient, a
-- burst is looked for among one campaign's clicks from one client network and User-Agent class within a second;
-- without this index each such look read every event of the campaign in that span (or the whole table).
CREATE INDEX engagement_events_anonymous_clicks_idx ON engagement_events (campaign_id, client_net, agent_class, occurred_at)
    WHERE send_id IS NULL AND kind = 'click';
