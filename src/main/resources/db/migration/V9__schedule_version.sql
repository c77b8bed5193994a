-- The version of what a course's schedule shows (its sessions, papers, readings, time zone): every write that
-- changes it adds one in its own transaction. Each instance keeps the schedule's JSON per version and reads this
-- counter (one primary-key read) per request, so a change made through any instance is seen by all at once, and
-- the counter is the schedule's ETag.
alter table course add column schedule_version bigint not null default 0;
