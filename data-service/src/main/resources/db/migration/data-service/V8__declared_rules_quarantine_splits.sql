-- A dataset's declared rules beyond its columns: the fewest rows a version may have, and what a version with rows
-- failing an error rule becomes (reject: stored INVALID; quarantine: those rows set aside).
alter table dataset
    add column min_rows bigint,
    add column on_error varchar(16) not null default 'reject';
-- Each failed rule with its count and example rows; the rows a quarantine set aside (a Parquet blob) and how many;
-- a curated version's split: one value per row (a Parquet blob, in the version's row order) and the count per split.
alter table dataset_version
    add column rule_results   jsonb,
    add column quarantine_key varchar(64),
    add column quarantined    bigint,
    add column split_key      varchar(64),
    add column splits         jsonb;
