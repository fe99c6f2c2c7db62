create table dataset (
    id             bigserial    primary key,
    name           varchar(63)  not null unique,
    description    text,
    label_column   text,
    declared_schema jsonb,
    latest_version integer,
    created_at     timestamptz  not null default now()
);
