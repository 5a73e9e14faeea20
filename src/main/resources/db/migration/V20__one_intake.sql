-- One intake for every inbound message (issue 8). Portable between H2 and PostgreSQL.

-- A petition that continues a closed case: the citizen wrote about it again after it was closed.
ALTER TABLE petition ADD COLUMN follows_petition_id BIGINT REFERENCES petition (id);

-- Opt-out of broadcasts moves from the SMS channel to intake, for every channel: per channel and address
-- (a phone number for SMS, a mail address for mail).
CREATE TABLE opt_out (
    channel       VARCHAR(20)   NOT NULL,
    address       VARCHAR(320)  NOT NULL,
    opted_out     BOOLEAN       NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT opt_out_pk PRIMARY KEY (channel, address)
);
INSERT INTO opt_out (channel, address, opted_out, updated_at)
SELECT 'SMS', phone, opted_out, updated_at FROM sms_opt_out;
DROP TABLE sms_opt_out;
