create table run (
    id          uuid primary key,
    experiment  varchar(63) not null references experiment (name),
    job_id      uuid        not null references training_job (id),
    algorithm   varchar(63) not null,
    params      jsonb       not null,
    metrics     jsonb       not null,
    duration_ms bigint      not null,
    status      varchar(16) not null,
    error       text,
    created_at  timestamptz not null
);
create index run_experiment on run (experiment);
create index run_job on run (job_id, created_at);
