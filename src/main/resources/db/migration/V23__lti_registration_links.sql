-- One-time links for LTI Dynamic Registration: a site administrator makes one in Paperclub and pastes it into the
-- LMS, which opens it (in a frame, where Paperclub's session cookie is not sent) to register Paperclub. Only the
-- SHA-256 of the link's secret is kept; a link registers one platform, once, before it expires.
create table lti_registration_link (
    token_hash      varchar(64) primary key,
    created_by      bigint      not null,
    created_at      timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    used_at         timestamp with time zone,
    registration_id bigint,
    constraint fk_lti_registration_link_user foreign key (created_by) references app_user (id) on delete cascade,
    constraint fk_lti_registration_link_registration foreign key (registration_id) references lti_registration (id) on delete set null
);
