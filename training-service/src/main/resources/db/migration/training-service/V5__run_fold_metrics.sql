-- every fold's own metrics of a k-fold run, in fold order (empty for a hold-out); runs before this have none
alter table run add column fold_metrics jsonb not null default '[]'::jsonb;
