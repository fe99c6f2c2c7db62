-- The audit trail: append-only.
create table model_event (
    id       bigserial    primary key,
    model_id bigint       not null references registered_model (id),
    type     varchar(16)  not null,
    version  integer      not null,
    alias    varchar(63),
    actor    varchar(128) not null,
    at       timestamptz  not null default now(),
    details  jsonb        not null
);
create index model_event_model_idx on model_event (model_id, id desc);
