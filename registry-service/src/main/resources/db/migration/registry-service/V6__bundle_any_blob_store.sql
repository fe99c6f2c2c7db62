-- A version's bundle may live in any blob store now (PostgreSQL large objects, a directory, S3), not only in
-- gyre_blob: the foreign key goes. The blob store's own migrations then move gyre_blob's rows out.
alter table model_version drop constraint model_version_sha256_fkey;
