-- detente store schema, version 1. Coded events keep their evidence; imported ones (later) their provenance.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,          -- SHA-256 of the clean text
    source VARCHAR NOT NULL,             -- file path (path:line for JSONL) or <text>
    title VARCHAR,
    url VARCHAR,
    pub_date DATE NOT NULL,
    text VARCHAR NOT NULL,               -- clean text
    original VARCHAR NOT NULL,           -- text as read; spans point here
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,         -- in the original text
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (doc_id, sentence_index)
);
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY,        -- hash of principal, sector and name
    principal VARCHAR NOT NULL,
    sector VARCHAR,
    name VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    dataset VARCHAR NOT NULL,            -- 'coded' for events read from text
    doc_id VARCHAR,
    sentence_index INTEGER,
    span_start INTEGER,
    span_end INTEGER,
    source_actor VARCHAR NOT NULL,
    source_principal VARCHAR NOT NULL,
    source_text VARCHAR,
    target_actor VARCHAR NOT NULL,
    target_principal VARCHAR NOT NULL,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,
    root VARCHAR NOT NULL,
    quad TINYINT NOT NULL,
    goldstein DOUBLE NOT NULL,
    plover VARCHAR,
    date_start DATE NOT NULL,
    date_end DATE NOT NULL,
    date_precision VARCHAR NOT NULL,
    from_publication_date BOOLEAN NOT NULL,
    trigger VARCHAR,
    negated BOOLEAN NOT NULL,
    hypothetical BOOLEAN NOT NULL,
    alleged BOOLEAN NOT NULL,
    is_symmetric BOOLEAN NOT NULL        -- "symmetric" is a reserved word in DuckDB
);
