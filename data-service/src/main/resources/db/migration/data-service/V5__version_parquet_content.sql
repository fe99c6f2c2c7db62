-- A version's content is stored as typed Parquet under content_key (the SHA-256 of the Parquet file) and
-- content_size bytes; content_hash stays the version's identity, the SHA-256 of the bytes that were ingested.
-- Versions ingested before have no content_key: their content is the CSV under content_hash, turned into
-- Parquet the first time it is read.
alter table dataset_version
    add column content_key  varchar(64),
    add column content_size bigint;
