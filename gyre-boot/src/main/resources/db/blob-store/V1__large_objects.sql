-- The blob store's own history (gyre_blob_store_history), apart from the service's: blobs are large objects,
-- named by this table. The service's migrations run first and have dropped every foreign key to gyre_blob, so the
-- bytea rows of the former store can move here; gyre_blob itself stays, empty, as version 1 of the service's history.
create table gyre_blob_object (
    sha256      varchar(64) primary key,
    size        bigint      not null,
    content_oid oid         not null,
    created_at  timestamptz not null default now()
);

do $$
begin
    if to_regclass('gyre_blob') is not null then
        insert into gyre_blob_object (sha256, size, content_oid, created_at)
        select sha256, size, lo_from_bytea(0, content), created_at from gyre_blob;
        delete from gyre_blob;
    end if;
end
$$;
