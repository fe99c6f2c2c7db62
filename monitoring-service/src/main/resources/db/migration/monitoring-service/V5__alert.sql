create table alert (
    id         uuid         primary key,
    deployment varchar(63)  not null,
    type       varchar(32)  not null,
    message    text         not null,
    report_id  uuid,
    at         timestamptz  not null
);

create index alert_at on alert (at desc);
