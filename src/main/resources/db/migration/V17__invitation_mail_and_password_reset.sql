-- Set-password links now serve two purposes: the invitation of an account made from a roster (days) and the reset of
-- a forgotten password (an hour). Same rules: only the hash is kept, single use, a newer one of a purpose replaces
-- the older ones.
alter table invitation add column purpose varchar(10) default 'INVITATION' not null;
alter table invitation add constraint ck_invitation_purpose check (purpose in ('INVITATION', 'RESET'));
create index ix_invitation_user_purpose on invitation (user_id, purpose);

-- The SMTP server refused the person's address for good: staff see it on the roster and can correct it.
alter table app_user add column mail_refused_at timestamp with time zone;
alter table app_user add column mail_refused_reason varchar(500);
