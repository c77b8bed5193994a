-- Sign-in state that every instance on this database must agree on: the signing secret made when none is
-- configured, the sign-in sessions (so that a sign-out ends a session everywhere) and the sign-in throttles.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and PostgreSQL.

create table signing_secret (
    name       varchar(40)  primary key,
    secret     varchar(200) not null,
    created_at timestamp with time zone not null
);

create table sign_in_session (
    -- SHA-256 (hex) of the random id the session's token carries as its sid claim: a copy of this table (a
    -- backup, say) holds no id that a forged token could name.
    id         varchar(64) primary key,
    user_id    bigint      not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null,
    constraint fk_sign_in_session_user foreign key (user_id) references app_user (id) on delete cascade
);
create index ix_sign_in_session_user on sign_in_session (user_id);
create index ix_sign_in_session_expires on sign_in_session (expires_at);

-- One row per (account, client), per account and per client: recent failures and how long attempts must wait.
create table sign_in_throttle (
    throttle_key    varchar(400) primary key,
    failures        integer not null,
    last_failure_at timestamp with time zone,
    blocked_until   timestamp with time zone,
    -- Set on an (account, client) row when the account signed in from that client: the owner's own client.
    last_success_at timestamp with time zone,
    expires_at      timestamp with time zone not null
);
create index ix_sign_in_throttle_expires on sign_in_throttle (expires_at);
