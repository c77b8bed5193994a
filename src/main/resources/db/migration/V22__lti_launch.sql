-- The LTI 1.3 launch: what the OpenID Connect login leaves for the launch to check, kept in the database so that the
-- login may reach one instance and the launch another. Portable SQL (H2 in PostgreSQL mode and PostgreSQL).

-- A login initiation waiting for its launch: the state only as its SHA-256 (a leaked table cannot finish a launch),
-- the nonce the id_token must carry, and the browser that started it (SHA-256 of its binding cookie, when set).
-- The launch deletes the row to use it, so that only one request (on any instance) can.
create table lti_login_state (
    state_hash      varchar(64)   primary key,
    nonce           varchar(64)   not null,
    registration_id bigint        not null,
    target_link_uri varchar(1000) not null,
    browser_hash    varchar(64),
    expires_at      timestamp with time zone not null,
    constraint fk_lti_login_state_registration foreign key (registration_id) references lti_registration (id) on delete cascade
);
create index ix_lti_login_state_expires on lti_login_state (expires_at);

-- Nonces of accepted id_tokens, kept until the token has expired: the same token is never accepted twice.
create table lti_nonce (
    issuer     varchar(500) not null,
    nonce      varchar(255) not null,
    expires_at timestamp with time zone not null,
    constraint pk_lti_nonce primary key (issuer, nonce)
);
create index ix_lti_nonce_expires on lti_nonce (expires_at);

-- A step that follows a verified launch in another request, held by a random token (only its SHA-256 is kept):
--   LINK       an instructor's choice of the course for an LMS course not linked yet
--   DEEP_LINK  an instructor's choice of the links to place (payload: the platform's deep-linking settings)
--   HANDOFF    the sign-in in a new window when the LMS's frame could not keep the cookie (single use, minutes)
create table lti_ticket (
    token_hash      varchar(64)  primary key,
    purpose         varchar(20)  not null,
    registration_id bigint       not null,
    user_id         bigint       not null,
    context_row_id  bigint,
    role            varchar(20),
    payload         varchar(8000),
    expires_at      timestamp with time zone not null,
    constraint ck_lti_ticket_purpose check (purpose in ('LINK', 'DEEP_LINK', 'HANDOFF')),
    constraint fk_lti_ticket_registration foreign key (registration_id) references lti_registration (id) on delete cascade,
    constraint fk_lti_ticket_user foreign key (user_id) references app_user (id) on delete cascade,
    constraint fk_lti_ticket_context foreign key (context_row_id) references lti_context (id) on delete cascade
);
create index ix_lti_ticket_expires on lti_ticket (expires_at);

-- The web origins of the LMS pages that launched Paperclub (the launch's Origin and its launch_presentation
-- return_url): they may frame the app's page (system/SecurityHeadersFilter), so that Paperclub works inside the LMS.
create table lti_frame_origin (
    registration_id bigint       not null,
    origin          varchar(300) not null,
    last_seen_at    timestamp with time zone not null,
    constraint pk_lti_frame_origin primary key (registration_id, origin),
    constraint fk_lti_frame_origin_registration foreign key (registration_id) references lti_registration (id) on delete cascade
);
