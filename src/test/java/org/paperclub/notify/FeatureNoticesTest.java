package org.paperclub.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.course.Commands.SessionCommand;
import org.paperclub.course.ScheduleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * What the features tell the people concerned, read where they read it: their notifications. Each test builds its
 * own {@link NoticeCourse}, so counts are of that course only.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class FeatureNoticesTest extends ApiTest {

    static final String ANN = "student1@example.edu";
    static final String BEN = "student2@example.edu";
    static final String CAL = "student3@example.edu";
    static final String DEE = "student4@example.edu";

    @Inject
    ScheduleService schedule;

    @Inject
    TransactionOperations<Connection> transactions;

    private int courses;

    NoticeCourse seminar() {
        return new NoticeCourse(instructor(), "NT " + (++courses), List.of(ANN, BEN, CAL, DEE));
    }

    Api.Session ann() {
        return student(1);
    }

    Api.Session ben() {
        return student(2);
    }

    Api.Session cal() {
        return student(3);
    }

    Api.Session dee() {
        return student(4);
    }

    // Grading

    @Test
    void a_publish_tells_each_graded_student_once_and_nobody_else() {
        NoticeCourse c = seminar();
        long ann = c.userId(ANN);
        c.takeRole(1, "Peer Reviewer", ann);
        c.takeRole(1, "Peer Reviewer", c.userId(BEN));
        c.takeRole(1, "Hacker", c.userId(CAL));
        long critique = c.critique(1, "Paper 1A", ann);
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Peer Reviewer"), Map.of("mark", "✓"));
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Hacker"), Map.of("mark", "✓+"));
        c.grade("critiques/" + critique, Map.of("points", 3));

        assertEquals(4, Api.intOf(c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of()).body(), "published"));

        for (Api.Session graded : List.of(ann(), ben(), cal())) {
            List<Map<String, Object>> told = c.notices(graded, NoticeKind.GRADE_PUBLISHED);
            assertEquals(1, told.size(), "one notice per student and publish, not one per grade (Ann has two): " + told);
            assertEquals("Grades published: Session 1", told.get(0).get("title"));
            assertEquals("/#/courses/" + c.id + "/my-grades", told.get(0).get("link"));
            assertEquals(c.code, told.get(0).get("courseCode"));
        }
        assertTrue(c.notices(dee(), NoticeKind.GRADE_PUBLISHED).isEmpty(), "Dee has no grade in session 1");
    }

    @Test
    void publishing_again_tells_only_the_students_of_grades_new_since() {
        NoticeCourse c = seminar();
        c.takeRole(1, "Peer Reviewer", c.userId(ANN));
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Peer Reviewer"), Map.of("mark", "✓"));
        c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of());

        assertEquals(0, Api.intOf(c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of()).body(), "published"));
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Peer Reviewer"), Map.of("mark", "✓+"));   // published already: shown at once
        c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of());
        assertEquals(1, c.notices(ann(), NoticeKind.GRADE_PUBLISHED).size(), "nothing new was published to Ann");

        c.takeRole(1, "Hacker", c.userId(BEN));
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Hacker"), Map.of("mark", "✓"));
        c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of());
        assertEquals(1, c.notices(ben(), NoticeKind.GRADE_PUBLISHED).size(), "Ben's new grade is announced");
        assertEquals(1, c.notices(ann(), NoticeKind.GRADE_PUBLISHED).size());
    }

    @Test
    void an_answered_regrade_tells_the_student_the_outcome_and_the_staff_comment() {
        NoticeCourse c = seminar();
        c.takeRole(1, "Peer Reviewer", c.userId(ANN));
        c.takeRole(1, "Peer Reviewer", c.userId(BEN));
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Peer Reviewer"), Map.of("mark", "✓"));
        c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of());
        long annRequest = fileRegrade(c, ann());
        long benRequest = fileRegrade(c, ben());

        problem(422, () -> c.instructor.post(c.base + "/regrades/" + annRequest + "/answer", Map.of("answer", "Fine", "mark", "A+")));
        assertTrue(c.notices(ann(), NoticeKind.REGRADE_ANSWERED).isEmpty(), "a refused answer tells nobody anything");

        c.instructor.post(c.base + "/regrades/" + annRequest + "/answer", Map.of("answer", "You are right, the review was thorough.",
                "mark", "✓+"));
        c.instructor.post(c.base + "/regrades/" + benRequest + "/answer", Map.of("answer", "The review missed the proofs."));

        Map<String, Object> accepted = c.notices(ann(), NoticeKind.REGRADE_ANSWERED).get(0);
        assertEquals("Regrade accepted: Session 1", accepted.get("title"));
        String body = (String) accepted.get("body");
        assertTrue(body.contains("changed from ✓ to ✓+") && body.contains("You are right, the review was thorough."), body);
        assertEquals("/#/courses/" + c.id + "/my-grades", accepted.get("link"));
        Map<String, Object> declined = c.notices(ben(), NoticeKind.REGRADE_ANSWERED).get(0);
        assertEquals("Regrade declined: Session 1", declined.get("title"));
        assertTrue(((String) declined.get("body")).contains("stays ✓") && ((String) declined.get("body")).contains("missed the proofs"),
                (String) declined.get("body"));
        assertEquals(1, c.notices(ann(), NoticeKind.REGRADE_ANSWERED).size());
    }

    private static long fileRegrade(NoticeCourse c, Api.Session student) {
        Map<String, Object> mine = student.get(c.base + "/grades/me");
        long grade = Api.id(Api.listOf(mine, "items").get(0));
        return Api.id(student.post(c.base + "/grades/" + grade + "/regrades", Map.of("reason", "Please look again.")).body());
    }

    // Sign-ups

    @Test
    void a_student_changing_their_own_role_is_not_told_but_staff_moving_or_removing_it_is() {
        NoticeCourse c = seminar();
        ann().post(c.sessionPath(2) + "/roles/" + c.roleId("Hacker") + "/signups", Map.of());
        long signup = Api.id(ann().post(c.sessionPath(2) + "/roles/" + c.roleId("Peer Reviewer") + "/signups",
                Map.of("replace", true)).body());
        assertTrue(c.notices(ann(), NoticeKind.SIGNUP_CHANGED).isEmpty(), "what I do myself I am not told");

        long moved = Api.id(c.instructor.post(c.sessionPath(2) + "/roles/" + c.roleId("Peer Reviewer") + "/signups/" + signup + "/move",
                Map.of("sessionId", c.sessionId(3), "roleId", c.roleId("Hacker"))).body());
        List<Map<String, Object>> told = c.notices(ann(), NoticeKind.SIGNUP_CHANGED);
        assertEquals(1, told.size(), "a move is one change: " + told);
        assertEquals("Role moved: Session 2 → Session 3", told.get(0).get("title"));
        String body = (String) told.get(0).get("body");
        assertTrue(body.contains("moved you from Peer Reviewer in session 2 to Hacker in session 3"), body);
        assertTrue(body.startsWith(instructorName(c)), "says who: " + body);
        assertEquals("/#/courses/" + c.id + "/signups", told.get(0).get("link"));
        assertEquals(startOf(c, 3), Instant.parse((String) told.get(0).get("happensAt")));

        c.instructor.delete(c.sessionPath(3) + "/roles/" + c.roleId("Hacker") + "/signups/" + moved);
        assertEquals("Role removed: Session 3", c.notices(ann(), NoticeKind.SIGNUP_CHANGED).get(0).get("title"));
        assertEquals(2, c.notices(ann(), NoticeKind.SIGNUP_CHANGED).size());
    }

    @Test
    void staff_removing_me_from_a_team_tells_me_but_my_partner_leaving_tells_nobody() {
        NoticeCourse c = seminar();
        long team = Api.id(c.instructor.post(c.sessionPath(2) + "/presentations", Map.of("paperId", c.paper("Paper 2A"),
                "studentId", c.userId(ANN), "partnerId", c.userId(BEN))).body());
        assertEquals("Signed up to present: Session 2", c.notices(ann(), NoticeKind.SIGNUP_CHANGED).get(0).get("title"));
        assertEquals(1, c.notices(ben(), NoticeKind.SIGNUP_CHANGED).size(), "both members are told");

        ben().delete(c.sessionPath(2) + "/presentations/" + team);
        assertEquals(1, c.notices(ben(), NoticeKind.SIGNUP_CHANGED).size(), "leaving myself tells me nothing");
        assertEquals(1, c.notices(ann(), NoticeKind.SIGNUP_CHANGED).size());

        c.instructor.delete(c.sessionPath(2) + "/presentations/" + team + "?studentId=" + c.userId(ANN));
        Map<String, Object> removed = c.notices(ann(), NoticeKind.SIGNUP_CHANGED).get(0);
        assertEquals("Removed from a presentation: Session 2", removed.get("title"));
        assertTrue(((String) removed.get("body")).contains("removed you from the team presenting “Paper 2A” in session 2"),
                (String) removed.get("body"));
        assertNull(removed.get("happensAt"), "nothing left to be at");
    }

    @Test
    void staff_assigning_a_role_by_auto_fill_tells_the_student_and_a_refused_assignment_tells_nobody() {
        NoticeCourse c = seminar();
        long dee = c.userId(DEE);
        c.instructor.put(c.sessionPath(4), c.sessionWith(4, Map.of("kind", "NO_CLASS")));
        problem(409, () -> c.takeRole(4, "Hacker", dee));
        assertTrue(c.notices(dee(), NoticeKind.SIGNUP_CHANGED).isEmpty(), "a refused sign-up changed nothing");

        List<Map<String, Object>> applied = c.instructor.postForList(c.base + "/signups/autofill/apply", Map.of("assignments",
                List.of(Map.of("sessionId", c.sessionId(2), "roleId", c.roleId("Hacker"), "studentId", dee))));
        assertEquals(Boolean.TRUE, applied.get(0).get("done"), applied.toString());
        Map<String, Object> told = c.notices(dee(), NoticeKind.SIGNUP_CHANGED).get(0);
        assertEquals("Role assigned: Session 2", told.get("title"));
        assertTrue(((String) told.get("body")).contains("signed you up as Hacker in session 2"), (String) told.get("body"));
    }

    @Test
    void a_partner_is_invited_and_a_proposal_decided_tells_its_team() {
        NoticeCourse c = seminar();
        long own = c.paper("A Paper Of Our Own");
        long proposal = Api.id(ann().post(c.sessionPath(2) + "/presentations", Map.of("paperId", own, "partnerEmail", BEN)).body());
        Map<String, Object> invitation = c.notices(ben(), NoticeKind.PARTNER_INVITATION).get(0);
        assertEquals("Invitation to present with Student 1", invitation.get("title"));
        assertTrue(((String) invitation.get("body")).contains("“A Paper Of Our Own” together in session 2"), (String) invitation.get("body"));
        assertEquals("/#/courses/" + c.id + "/signups", invitation.get("link"));
        assertEquals(startOf(c, 2), Instant.parse((String) invitation.get("happensAt")));
        assertTrue(c.notices(ann(), NoticeKind.PARTNER_INVITATION).isEmpty());

        long invitationId = Api.id(Api.listOf(Api.mapOf(ben().get(c.base + "/signups/board"), "mine"), "invitations").get(0));
        ben().post(c.base + "/signups/invitations/" + invitationId + "/accept", Map.of());
        c.instructor.post(c.base + "/presentations/" + proposal + "/decline", Map.of("reason", "It is out of the course's scope"));
        for (Api.Session member : List.of(ann(), ben())) {
            Map<String, Object> told = c.notices(member, NoticeKind.PROPOSAL_DECIDED).get(0);
            assertEquals("Proposal declined: A Paper Of Our Own", told.get("title"));
            assertTrue(((String) told.get("body")).contains("It is out of the course's scope"), (String) told.get("body"));
        }
        assertTrue(c.notices(ann(), NoticeKind.SIGNUP_CHANGED).isEmpty(), "a decision is told once, as a decision");

        long again = Api.id(cal().post(c.sessionPath(3) + "/presentations", Map.of("paperId", own)).body());
        problem(404, () -> c.instructor.post(c.base + "/presentations/" + proposal + "/approve", Map.of()));   // declined: gone
        c.instructor.post(c.base + "/presentations/" + again + "/approve", Map.of());
        assertEquals("Proposal approved: A Paper Of Our Own", c.notices(cal(), NoticeKind.PROPOSAL_DECIDED).get(0).get("title"));
        assertEquals(1, c.notices(ann(), NoticeKind.PROPOSAL_DECIDED).size(), "Ann's team was told of its own proposal only");
    }

    @Test
    void a_partner_accepting_tells_the_student_who_asked_once_with_their_name_the_paper_and_the_session() {
        NoticeCourse c = seminar();
        ann().post(c.sessionPath(2) + "/presentations", Map.of("paperId", c.paper("Paper 2A"), "partnerEmail", BEN));
        long invitation = invitationOf(c, ben());
        long role = Api.id(ben().post(c.sessionPath(2) + "/roles/" + c.roleId("Hacker") + "/signups", Map.of()).body());
        problem(409, () -> ben().post(c.base + "/signups/invitations/" + invitation + "/accept", Map.of()));
        assertTrue(c.notices(ann(), NoticeKind.PARTNER_ANSWERED).isEmpty(), "a refused acceptance is no answer yet");

        ben().delete(c.sessionPath(2) + "/roles/" + c.roleId("Hacker") + "/signups/" + role);
        ben().post(c.base + "/signups/invitations/" + invitation + "/accept", Map.of());

        List<Map<String, Object>> told = c.notices(ann(), NoticeKind.PARTNER_ANSWERED);
        assertEquals(1, told.size(), told.toString());
        assertEquals("Student 2 will present with you", told.get(0).get("title"));
        assertEquals("Student 2 accepted: you present “Paper 2A” together in session 2 (" + day(c, 2) + ").", told.get(0).get("body"));
        assertEquals("/#/courses/" + c.id + "/signups", told.get(0).get("link"));
        assertEquals(startOf(c, 2), Instant.parse((String) told.get(0).get("happensAt")));
        assertTrue(c.notices(ben(), NoticeKind.PARTNER_ANSWERED).isEmpty(), "Ben is not told of his own answer");
        assertTrue(c.notices(ben(), NoticeKind.SIGNUP_CHANGED).isEmpty());
        assertTrue(c.notices(ann(), NoticeKind.SIGNUP_CHANGED).isEmpty(), "the answer is told once, as an answer");
    }

    @Test
    void a_partner_declining_tells_the_student_who_asked_that_the_slot_stays_theirs() {
        NoticeCourse c = seminar();
        long team = Api.id(ann().post(c.sessionPath(3) + "/presentations", Map.of("paperId", c.paper("Paper 3A"),
                "partnerEmail", BEN)).body());
        ben().post(c.base + "/signups/invitations/" + invitationOf(c, ben()) + "/decline", Map.of());

        List<Map<String, Object>> told = c.notices(ann(), NoticeKind.PARTNER_ANSWERED);
        assertEquals(1, told.size(), told.toString());
        assertEquals("Student 2 declined to present with you", told.get(0).get("title"));
        assertEquals("Student 2 declined your invitation to present “Paper 3A” in session 3; the slot stays yours, and a classmate "
                + "may still join your team on the sign-up board.", told.get(0).get("body"));
        assertEquals(startOf(c, 3), Instant.parse((String) told.get(0).get("happensAt")), "Ann still presents then");
        assertTrue(c.notices(ben(), NoticeKind.PARTNER_ANSWERED).isEmpty(), "Ben is not told of his own answer");

        cal().post(c.sessionPath(3) + "/presentations", Map.of("paperId", c.paper("Paper 3A")));
        Map<String, Object> kept = Api.listOf(ann().get(c.base + "/signups/board"), "sessions").stream()
                .flatMap(s -> Api.listOf(s, "presentations").stream()).filter(p -> Api.id(p) == team).findFirst().orElseThrow();
        assertEquals(List.of("Student 1", "Student 3"), Api.listOf(kept, "members").stream().map(m -> m.get("name")).toList(),
                "as told: Ann kept the slot, and Cal could join her team");
    }

    @Test
    void a_withdrawn_or_expired_invitation_tells_the_student_who_asked_nothing() {
        NoticeCourse c = seminar();
        long team = Api.id(ann().post(c.sessionPath(2) + "/presentations", Map.of("paperId", c.paper("Paper 2A"),
                "partnerEmail", BEN)).body());
        long withdrawn = invitationOf(c, ben());
        ann().delete(c.sessionPath(2) + "/presentations/" + team);
        problem(404, () -> ben().post(c.base + "/signups/invitations/" + withdrawn + "/accept", Map.of()));

        cal().post(c.sessionPath(3) + "/presentations", Map.of("paperId", c.paper("Paper 3A"), "partnerEmail", DEE));
        long expired = invitationOf(c, dee());
        clock.set(startOf(c, 3).minusSeconds(3600));   // past the freeze, 24 hours before class: no longer to be accepted
        problem(409, () -> dee().post(c.base + "/signups/invitations/" + expired + "/accept", Map.of()));
        dee().post(c.base + "/signups/invitations/" + expired + "/decline", Map.of());

        assertTrue(c.notices(ann(), NoticeKind.PARTNER_ANSWERED).isEmpty(), "Ann's team, and its invitation, are gone");
        assertTrue(c.notices(cal(), NoticeKind.PARTNER_ANSWERED).isEmpty(), "Cal presents as the team stood at the freeze");
    }

    private static long invitationOf(NoticeCourse c, Api.Session partner) {
        return Api.id(Api.listOf(Api.mapOf(partner.get(c.base + "/signups/board"), "mine"), "invitations").get(0));
    }

    // Sessions

    @Test
    void cancelling_a_session_tells_its_presenters_and_role_holders_only() {
        NoticeCourse c = seminar();
        c.instructor.post(c.sessionPath(3) + "/presentations", Map.of("paperId", c.paper("Paper 3A"), "studentId", c.userId(ANN)));
        c.takeRole(3, "Hacker", c.userId(BEN));
        c.takeRole(2, "Hacker", c.userId(CAL));

        c.instructor.put(c.sessionPath(3), c.sessionWith(3, Map.of("topic", "Three, renamed", "location", "Room 9")));
        assertTrue(c.notices(ann(), NoticeKind.SESSION_CHANGED).isEmpty(), "a new topic or room is no cause for a notice");

        c.instructor.put(c.sessionPath(3), c.sessionWith(3, Map.of("kind", "NO_CLASS")));
        for (Api.Session part : List.of(ann(), ben())) {
            List<Map<String, Object>> told = c.notices(part, NoticeKind.SESSION_CHANGED);
            assertEquals(1, told.size(), told.toString());
            assertEquals("Session 3 cancelled", told.get(0).get("title"));
            assertEquals("/#/courses/" + c.id, told.get(0).get("link"));
            assertNull(told.get(0).get("happensAt"));
        }
        assertTrue(c.notices(cal(), NoticeKind.SESSION_CHANGED).isEmpty(), "Cal is part of session 2, not 3");
        assertTrue(c.notices(dee(), NoticeKind.SESSION_CHANGED).isEmpty());
    }

    @Test
    void moving_a_session_tells_the_new_time_and_a_refused_or_rolled_back_change_tells_nobody() {
        NoticeCourse c = seminar();
        c.takeRole(4, "Peer Reviewer", c.userId(CAL));
        LocalDate later = LocalDate.parse((String) c.session(4).get("date")).plusDays(2);

        problem(409, () -> c.instructor.put(c.sessionPath(4), c.sessionWith(4, Map.of("number", 3, "date", later.toString()))));
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            schedule.updateSession(c.id, c.sessionId(4), new SessionCommand(4, later, LocalTime.of(10, 0), LocalTime.of(11, 15),
                    "Four", null, org.paperclub.course.SessionKind.PRESENTATION, 2));
            throw new IllegalStateException("something later in the same transaction failed");
        }));
        assertTrue(c.notices(cal(), NoticeKind.SESSION_CHANGED).isEmpty(), "no change committed, no notice");

        c.instructor.put(c.sessionPath(4), c.sessionWith(4, Map.of("date", later.toString(), "startTime", "14:00", "endTime", "15:15")));
        List<Map<String, Object>> told = c.notices(cal(), NoticeKind.SESSION_CHANGED);
        assertEquals(1, told.size());
        assertTrue(((String) told.get(0).get("title")).startsWith("Session 4 moved to "), (String) told.get(0).get("title"));
        assertEquals(ZonedDateTime.of(later, LocalTime.of(14, 0), NoticeCourse.ZONE).toInstant(),
                Instant.parse((String) told.get(0).get("happensAt")));
    }

    // Critiques

    @Test
    void an_extension_tells_the_student_the_new_deadline() {
        NoticeCourse c = seminar();
        problem(404, () -> c.instructor.post(c.base + "/extensions", Map.of("studentId", c.userId(ANN), "sessionId", 999_999,
                "hours", 24)));
        c.instructor.post(c.base + "/extensions", Map.of("studentId", c.userId(ANN), "sessionId", c.sessionId(2), "hours", 48,
                "reason", "Conference travel"));

        Map<String, Object> told = c.notices(ann(), NoticeKind.EXTENSION_GRANTED).get(0);
        assertEquals("Extension granted: Session 2", told.get("title"));
        assertTrue(((String) told.get("body")).contains("48 more hours") && ((String) told.get("body")).contains("Conference travel"),
                (String) told.get("body"));
        assertEquals("/#/courses/" + c.id + "/critiques", told.get("link"));
        assertTrue(Instant.parse((String) told.get("happensAt")).isAfter(startOf(c, 2)), "the deadline moved past the class: " + told);
        assertEquals(1, c.notices(ann(), NoticeKind.EXTENSION_GRANTED).size());
        assertTrue(c.notices(ben(), NoticeKind.EXTENSION_GRANTED).isEmpty());
    }

    private String instructorName(NoticeCourse c) {
        return (String) c.instructor.get("/api/me").get("name");
    }

    /** "Tue 13 Oct", as a notice names a session's day. */
    private static String day(NoticeCourse c, int session) {
        return DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH).format(LocalDate.parse((String) c.session(session).get("date")));
    }

    private Instant startOf(NoticeCourse c, int session) {
        Map<String, Object> s = c.session(session);
        return ZonedDateTime.of(LocalDate.parse((String) s.get("date")), LocalTime.parse((String) s.get("startTime")), NoticeCourse.ZONE)
                .toInstant();
    }
}
