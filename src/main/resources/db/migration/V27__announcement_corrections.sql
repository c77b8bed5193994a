-- Staff correct an announcement (edited_at says when; author and created_at stay) and withdraw one (the row goes).
alter table announcement add column edited_at timestamp with time zone;

-- What a notice is about, in the words of the feature that posted it (e.g. "announcement:42"), so that a correction
-- reaches the notices already in the bells and a withdrawal takes them back. Null for notices nobody revises, and for
-- announcement notices given before this column: those carry only the course's link and are left as they were.
alter table notification add column subject varchar(100);
create index ix_notification_subject on notification (subject);
