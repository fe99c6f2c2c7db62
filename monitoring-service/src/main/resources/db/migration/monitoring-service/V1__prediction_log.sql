create table prediction_log (
    id            varchar(200)     primary key,
    deployment    varchar(63)      not null,
    model         varchar(63),
    model_version integer,
    ts            timestamptz      not null,
    inputs        jsonb            not null,
    label         text,
    value         double precision,
    scores        jsonb,
    received_at   timestamptz      not null default now()
);

create index prediction_log_deployment_ts on prediction_log (deployment, ts desc);
