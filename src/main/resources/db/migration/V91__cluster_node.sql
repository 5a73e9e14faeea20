-- Issue 14: the app nodes sharing this database, each beating its heart here. A node whose heartbeat is older than
-- sanal.cluster.node-timeout is dead: a live node releases what it had claimed (outbox rows) and removes its row.
-- Leases: one holder at a time for work only one node may do (polling the mailbox, the single SMPP bind).
CREATE TABLE cluster_node (
    node_id       VARCHAR(120)  PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE cluster_lease (
    name        VARCHAR(60)   PRIMARY KEY,
    holder      VARCHAR(120)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
