create table model_alias (
    id         bigserial    primary key,
    model_id   bigint       not null references registered_model (id),
    alias      varchar(63)  not null,
    version    integer      not null,
    updated_at timestamptz  not null default now(),
    constraint model_alias_unique unique (model_id, alias),
    constraint model_alias_version_fk foreign key (model_id, version) references model_version (model_id, version)
);
