-- who submitted the job (the gateway's X-Gyre-User, else 'anonymous'); null for jobs submitted before
alter table training_job add column submitted_by varchar(128);
