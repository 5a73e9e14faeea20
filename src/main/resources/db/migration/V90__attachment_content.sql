-- Issue 14: evidence shared by every node. The bytes of each distinct file (content-addressed by SHA-256) live in
-- the database, in chunks of at most 256 KiB, so a node reads and writes one chunk at a time and no file is ever
-- held in memory whole. A content row is written with all its chunks in one transaction: a row that exists is
-- complete. petition_attachment keeps referring to files by sha256 (its storage_ref stays as it was).
CREATE TABLE attachment_content (
    sha256       CHAR(64)      PRIMARY KEY,
    size_bytes   BIGINT        NOT NULL,
    chunk_count  INT           NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE attachment_chunk (
    sha256  CHAR(64)  NOT NULL REFERENCES attachment_content (sha256),
    seq     INT       NOT NULL,
    data    BYTEA     NOT NULL,
    PRIMARY KEY (sha256, seq)
);
