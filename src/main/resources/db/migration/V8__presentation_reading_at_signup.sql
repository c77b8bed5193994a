-- Whether the paper was a reading of the team's session when the team signed up. Only then does the paper leaving
-- that session's readings mean it "moved": an official paper may be presented without being a reading there, and
-- may be a lecture's reading as well. Teams already signed up count as such when their paper is a reading there now.
alter table presentation add column reading_at_signup boolean not null default false;

update presentation set reading_at_signup = true
where exists (select 1 from reading r where r.session_id = presentation.session_id and r.paper_id = presentation.paper_id);
