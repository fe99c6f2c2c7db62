create table gyre_blob (
    sha256     varchar(64) primary key,
    size       bigint      not null,
    content    bytea       not null,
    created_at timestamptz not null default now()
);
