-- Limits shared by every instance (docs/security.md, "Across instances"). Portable SQL: PostgreSQL and H2 in
-- PostgreSQL mode.

-- Token buckets: failed logins per username, imports and re-grades per account. Changed only by single conditional
-- updates (atomic on both databases); a full bucket carries no information and is deleted now and then.
create table rate_limit_bucket (
    limit_name varchar(40) not null,
    bucket_key varchar(200) not null,
    tokens double precision not null,
    updated_ms bigint not null,
    primary key (limit_name, bucket_key)
);

-- Open interview sockets per account, on every instance: one row per socket (or upgrade in progress), renewed by
-- its instance's heartbeat; a row whose instance died expires. The socket_account row is locked while a slot is
-- counted and taken, so two instances cannot both take the last one.
create table socket_account (
    account_id bigint primary key
);

create table socket_slot (
    slot_id varchar(64) primary key,
    account_id bigint not null,
    instance_id varchar(64) not null,
    expires_ms bigint not null
);
create index socket_slot_account on socket_slot (account_id);
create index socket_slot_instance on socket_slot (instance_id);
