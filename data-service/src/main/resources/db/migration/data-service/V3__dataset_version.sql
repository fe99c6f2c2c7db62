-- A version is immutable: its content lives in gyre_blob under content_hash. The unique constraints make
-- version numbering and "same content again" safe even if two uploads race past the dataset row lock.
create table dataset_version (
    id             bigserial    primary key,
    dataset_id     bigint       not null references dataset (id),
    version        integer      not null,
    content_hash   varchar(64)  not null references gyre_blob (sha256),
    row_count      bigint       not null,
    columns        jsonb        not null,
    status         varchar(16)  not null,
    issues         jsonb        not null,
    profile        jsonb        not null,
    parent_version integer,
    recipe         jsonb,
    source         varchar(32)  not null,
    created_at     timestamptz  not null default now(),
    constraint dataset_version_number_unique unique (dataset_id, version),
    constraint dataset_version_content_unique unique (dataset_id, content_hash)
);
