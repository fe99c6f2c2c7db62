-- A version is immutable except for its stage; its bundle lives in gyre_blob under sha256. The unique
-- constraints keep numbering and "same bundle again" safe even if two registrations race past the row lock.
create table model_version (
    id          bigserial    primary key,
    model_id    bigint       not null references registered_model (id),
    version     integer      not null,
    sha256      varchar(64)  not null references gyre_blob (sha256),
    size_bytes  bigint       not null,
    stage       varchar(16)  not null,
    metrics     jsonb        not null,
    signature   jsonb        not null,
    lineage     jsonb,
    created_at  timestamptz  not null default now(),
    constraint model_version_number_unique unique (model_id, version),
    constraint model_version_bundle_unique unique (model_id, sha256)
);
