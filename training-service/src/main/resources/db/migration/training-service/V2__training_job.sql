create table training_job (
    id             uuid primary key,
    experiment     varchar(63) not null references experiment (name),
    status         varchar(16) not null,
    request        jsonb       not null,
    progress_done  integer     not null default 0,
    progress_total integer     not null,
    best_run_id    uuid,
    registered     jsonb,
    error          text,
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz
);
-- the runner claims the oldest QUEUED job
create index training_job_status_created on training_job (status, created_at);
