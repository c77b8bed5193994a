-- A course's reminder lead times (course/ReminderPolicy) as JSON; null keeps the defaults.
alter table course add column reminder_policy varchar(500);

-- Each reminder goes to a person once per item (reminders/ReminderJob): the job inserts the row with
-- ON CONFLICT DO NOTHING in the transaction that posts the notice, so two instances running the job at once
-- post it once. item_key names the thing and its moment, e.g. "critique:12@1788786000".
create table reminder_sent (
    user_id   bigint       not null,
    item_key  varchar(200) not null,
    sent_at   timestamp with time zone not null,
    constraint pk_reminder_sent primary key (user_id, item_key),
    constraint fk_reminder_sent_user foreign key (user_id) references app_user (id) on delete cascade
);
