create table feedback (
    prediction_id varchar(200)     primary key references prediction_log (id) on delete cascade,
    actual        text             not null,
    actual_number double precision,
    received_at   timestamptz      not null default now()
);
