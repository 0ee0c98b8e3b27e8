-- detente store schema, version 2. Coded events keep their evidence; imported ones their provenance.
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
-- event_id is unique, but kept without an index: an index on tens of millions of imported
-- events costs more memory and time than the anti-join that keeps them unique on insert.
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR NOT NULL,           -- coded: a hash; imported: dataset:its own key
    dataset VARCHAR NOT NULL,            -- 'coded', or where it was imported from (gdelt1, icews, tkg:ICEWS14, ...)
    import_id INTEGER,                   -- the import that stored it: imports.file is the file it was read from
    line BIGINT,                         -- and this the line (an event's origin is file:line)
    doc_id VARCHAR,
    sentence_index INTEGER,
    span_start INTEGER,
    span_end INTEGER,
    source_actor VARCHAR,                -- NULL when the dataset's actor maps to no principal
    source_principal VARCHAR,            -- NULL too for a coded actor of unknown country (its actor keeps the sector)
    source_text VARCHAR,                 -- as written, or the dataset's own actor name or code
    target_actor VARCHAR,
    target_principal VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,              -- a string: leading zeros kept
    root VARCHAR NOT NULL,
    quad TINYINT NOT NULL,               -- from the root: 01-05 1, 06-08 2, 09-13 3, 14-20 4
    goldstein DOUBLE NOT NULL,           -- ours, from the CAMEO table
    plover VARCHAR,
    date_start DATE NOT NULL,
    date_end DATE NOT NULL,
    date_precision VARCHAR NOT NULL,
    from_publication_date BOOLEAN NOT NULL,
    trigger VARCHAR,
    negated BOOLEAN NOT NULL,
    hypothetical BOOLEAN NOT NULL,
    alleged BOOLEAN NOT NULL,
    is_symmetric BOOLEAN NOT NULL,       -- "symmetric" is a reserved word in DuckDB
    dataset_quad TINYINT,                -- the dataset's own quad class (GDELT's QuadClass, POLECAT's Quad Code)
    dataset_goldstein DOUBLE,            -- the dataset's own score (GDELT's GoldsteinScale, ICEWS's and POLECAT's Intensity)
    reported DATE,                       -- when the dataset recorded it (GDELT's DATEADDED, POLECAT's Publication Date)
    late BOOLEAN NOT NULL DEFAULT false, -- dated more than a year before it was reported
    url VARCHAR                          -- the article the dataset coded it from, when it says
);
CREATE SEQUENCE IF NOT EXISTS import_ids START 1;
CREATE TABLE IF NOT EXISTS imports (
    import_id INTEGER PRIMARY KEY,
    format VARCHAR NOT NULL,             -- gdelt, icews, polecat, acled, tkg
    dataset VARCHAR NOT NULL,
    file VARCHAR NOT NULL,               -- as given (archive!member for a file inside a zip)
    sha256 VARCHAR NOT NULL,             -- of the file's content: the same file is imported once
    imported_at TIMESTAMP NOT NULL,
    rows BIGINT NOT NULL,
    imported BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    quarantined BIGINT NOT NULL,
    unmapped BIGINT NOT NULL,            -- actor mentions kept with their raw text only
    UNIQUE (format, sha256)
);
CREATE TABLE IF NOT EXISTS quarantine (
    import_id INTEGER NOT NULL,
    dataset VARCHAR NOT NULL,
    file VARCHAR NOT NULL,
    line BIGINT NOT NULL,
    field VARCHAR NOT NULL,              -- the field at fault ('line' when the row could not be split)
    reason VARCHAR NOT NULL,
    raw VARCHAR                          -- the line as read, when it could not be split into fields
);
