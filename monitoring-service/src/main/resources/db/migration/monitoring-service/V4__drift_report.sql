create table drift_report (
    id            uuid         primary key,
    deployment    varchar(63)  not null,
    dataset_drift boolean      not null,
    report        jsonb        not null,
    evaluated_at  timestamptz  not null
);

create index drift_report_deployment_evaluated on drift_report (deployment, evaluated_at desc);
