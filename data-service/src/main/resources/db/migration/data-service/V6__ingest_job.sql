-- Ingests of large uploads, run in the background. The upload is in the blob store under upload_key (its
-- SHA-256) before the job row is committed, so a crash after the 202 loses nothing; a job left RUNNING by a
-- dead process goes back to QUEUED on the next start.
create table ingest_job (
    id               bigserial    primary key,
    dataset_id       bigint       not null references dataset (id),
    status           varchar(16)  not null,
    format           varchar(16)  not null,
    source           varchar(32)  not null,
    upload_key       varchar(64)  not null,
    upload_size      bigint       not null,
    rows_read        bigint       not null default 0,
    bytes_read       bigint       not null default 0,
    version          integer,
    error_code       varchar(64),
    error_detail     text,
    cancel_requested boolean      not null default false,
    submitted_by     varchar(255),
    created_at       timestamptz  not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz
);
create index ingest_job_status on ingest_job (status, id);
