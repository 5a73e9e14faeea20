-- Broadcasts (issue 9) through the one outbox. Portable between H2 and PostgreSQL.
-- priority: claimed highest first (petition messages 0, broadcasts lower), so acknowledgements and answers are never
-- queued behind a broadcast. campaign: the rows one send wrote (a broadcast, a poll), for cancel and report.
-- CANCELLED: a row a cancelled campaign will not send.
ALTER TABLE outbox ADD COLUMN priority INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN campaign VARCHAR(100);
CREATE INDEX outbox_campaign_idx ON outbox (campaign, status);
CREATE INDEX outbox_claim_order_idx ON outbox (status, priority, id);
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED', 'CANCELLED'));
