-- What a service's own migrations did before the blob store had a history of its own: a table referring to the
-- former bytea table, and a blob stored there.
create table legacy_reference (
    id           serial      primary key,
    content_hash varchar(64) not null references gyre_blob (sha256)
);

insert into gyre_blob (sha256, size, content)
values (encode(sha256(convert_to('legacy blob', 'UTF8')), 'hex'), 11, convert_to('legacy blob', 'UTF8'));
insert into legacy_reference (content_hash) values (encode(sha256(convert_to('legacy blob', 'UTF8')), 'hex'));
