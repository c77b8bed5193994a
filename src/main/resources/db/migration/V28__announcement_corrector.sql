-- Who made an announcement's last correction (null if never corrected, and for corrections made before this column):
-- staff who corrected it quietly may tell everyone later, or another staff member may, and the notice must name who
-- corrected it, not who told.
alter table announcement add column edited_by bigint;
alter table announcement add constraint fk_announcement_editor foreign key (edited_by) references app_user (id) on delete set null;
