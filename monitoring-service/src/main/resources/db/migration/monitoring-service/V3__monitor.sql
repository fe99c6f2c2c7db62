create table monitor (
    deployment        varchar(63)  primary key,
    reference_dataset varchar(63)  not null,
    reference_version integer      not null,
    label             text,
    window_size       integer,
    window_duration   varchar(64),
    thresholds        jsonb        not null,
    retrain           jsonb,
    promotion         jsonb,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null
);
