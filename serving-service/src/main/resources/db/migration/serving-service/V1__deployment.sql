create table deployment (
    name             varchar(63)  primary key,
    model            varchar(63)  not null,
    alias            varchar(63),
    version          integer      not null,
    previous_version integer,
    sha256           varchar(64)  not null,
    strategy         jsonb        not null,
    status           varchar(16)  not null,
    error            text,
    revision         bigint       not null default 0,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null
);
