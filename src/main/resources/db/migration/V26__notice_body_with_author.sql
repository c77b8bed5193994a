-- A notice of an announcement starts with its author ("<name> (instructor) wrote:", up to 221 characters with the
-- longest name) before the announcement's own 4000: the column had room for the announcement alone, so its last
-- characters were cut in the bell and the mail.
alter table notification alter column body set data type varchar(4300);
