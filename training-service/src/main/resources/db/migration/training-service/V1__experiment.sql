create table experiment (
    name       varchar(63) primary key,
    created_at timestamptz not null default now()
);
