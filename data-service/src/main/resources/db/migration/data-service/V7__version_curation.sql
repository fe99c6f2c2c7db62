-- What each step of a curated version's recipe did ({op, rowsChanged, valuesChanged}); null for an ingest.
alter table dataset_version add column curation jsonb;
