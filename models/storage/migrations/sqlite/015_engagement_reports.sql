-- Herald schema 15 (SQLite): as on PostgreSQL, a campaign's first delivered message by index. send_engagement's
-- index on campaign_id already ends in send_id here (its rowid), so its keyset pages need nothing new.
CREATE INDEX sends_campaign_sent_idx ON sends (campaign_id, sent_at) WHERE status = 'sent';
