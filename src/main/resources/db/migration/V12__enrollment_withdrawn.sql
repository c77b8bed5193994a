-- A student removed from a course is withdrawn, not deleted: their critiques, grades and past sign-ups stay, the
-- gradebook lists them as withdrawn, and every access check treats them as not enrolled. Null: enrolled.
alter table enrollment add column withdrawn_at timestamp with time zone;
