-- Herald schema 15: what engagement reports need to stay quick with a million recipients.

-- A campaign's first delivered message starts its hourly chart and orders the Dashboard's recent campaigns:
-- min(sent_at) of its sent rows in one index probe (without it, a million rows read). A row enters it once, when
-- it is sent.
CREATE INDEX sends_campaign_sent_idx ON sends (campaign_id, sent_at) WHERE status = 'sent';

-- Who opened and clicked, a keyset page at a time in send order: pages walk (campaign_id, send_id) instead of sorting
-- every recipient of the campaign for each page.
DROP INDEX send_engagement_campaign_idx;
CREATE INDEX send_engagement_campaign_idx ON send_engagement (campaign_id, send_id);
