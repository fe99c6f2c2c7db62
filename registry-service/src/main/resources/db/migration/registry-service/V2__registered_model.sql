-- A model exists from its first registration; latest_version is bumped under the row lock.
create table registered_model (
    id             bigserial    primary key,
    name           varchar(63)  not null unique,
    description    text,
    latest_version integer,
    created_at     timestamptz  not null default now()
);
