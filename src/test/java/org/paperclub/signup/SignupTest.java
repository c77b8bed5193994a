package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * The rules of the role-playing sign-ups, on the Cornell CS 6785 demo course (course 2): presentation sessions
 * with two slots each and seven supporting roles of two seats. Each test uses its own students and sessions.
 */
@MicronautTest
class SignupTest extends ApiTest {

    static final long CORNELL = 2;
    static final String BASE = "/api/courses/2";

    private List<Map<String, Object>> presentationSessions;
    private Map<String, Object> peerReviewer;
    private Map<String, Object> hacker;

    @BeforeAll
    void readTheBoard() {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        presentationSessions = sessions(board).stream().filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        List<Map<String, Object>> roles = list(board, "roles");
        peerReviewer = roles.stream().filter(r -> "Peer Reviewer".equals(r.get("name"))).findFirst().orElseThrow();
        hacker = roles.stream().filter(r -> "Hacker".equals(r.get("name"))).findFirst().orElseThrow();
    }

    // Named fixtures: the n-th presentation session of the term, and its papers.
    long session(int n) {
        return id(presentationSessions.get(n));
    }

    long paperOf(int n, int k) {
        return Api.longOf(list(presentationSessions.get(n), "papers").get(k), "paperId");
    }

    String roleSignups(long sessionId, Map<String, Object> role) {
        return BASE + "/sessions/" + sessionId + "/roles/" + id(role) + "/signups";
    }

    @Test
    void the_board_shows_presentation_sessions_with_slots_roles_and_blocks() {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        assertEquals(8, presentationSessions.size());
        assertEquals(7, list(board, "roles").size());
        assertEquals(4, list(board, "blocks").size(), "8 presentation sessions in blocks of 2");
        Map<String, Object> first = presentationSessions.get(0);
        assertEquals(2, Api.intOf(first, "presentationSlots"));
        assertEquals(7, list(first, "seats").size());
        assertFalse((Boolean) first.get("frozen"));
        assertTrue(list(Api.mapOf(board, "mine"), "blocksMissingRole").size() >= 1);
    }

    @Test
    void a_student_takes_a_role_sees_it_on_the_board_and_withdraws() {
        Api.Session ann = student(2);
        Map<String, Object> taken = ann.post(roleSignups(session(0), peerReviewer), Map.of()).body();
        assertEquals("Peer Reviewer", taken.get("roleName"));
        Map<String, Object> board = ann.get(BASE + "/signups/board");
        Map<String, Object> mine = Api.mapOf(board, "mine");
        assertEquals(List.of(taken.get("id")), mine.get("roleSignupIds"));
        assertFalse(((List<?>) mine.get("blocksMissingRole")).contains(0), "block 0 is covered now");
        assertTrue(holders(board, session(0), peerReviewer).contains("Student 2"));

        assertEquals(204, ann.delete(roleSignups(session(0), peerReviewer) + "/" + taken.get("id")).code());
        assertFalse(holders(ann.get(BASE + "/signups/board"), session(0), peerReviewer).contains("Student 2"));
    }

    @Test
    void a_role_with_two_seats_is_full_for_the_third_student() {
        student(3).post(roleSignups(session(1), hacker), Map.of());
        student(4).post(roleSignups(session(1), hacker), Map.of());
        Map<String, Object> p = problem(409, () -> student(5).post(roleSignups(session(1), hacker), Map.of()));
        int number = Api.intOf(presentationSessions.get(1), "number");
        assertEquals("Hacker for session " + number + " is full (2 of 2).", p.get("detail"));
    }

    @Test
    void student_cannot_hold_two_roles_in_one_session() {
        Api.Session s = student(6);
        s.post(roleSignups(session(2), peerReviewer), Map.of());
        Map<String, Object> p = problem(409, () -> s.post(roleSignups(session(2), hacker), Map.of()));
        assertTrue(((String) p.get("detail")).startsWith("You already hold Peer Reviewer in session"), (String) p.get("detail"));
    }

    @Test
    void a_presenter_takes_no_supporting_role_in_their_own_session_and_vice_versa() {
        Api.Session s = student(7);
        s.post(BASE + "/sessions/" + session(3) + "/presentations", Map.of("paperId", paperOf(3, 0)));
        Map<String, Object> p = problem(409, () -> s.post(roleSignups(session(3), hacker), Map.of()));
        assertTrue(((String) p.get("detail")).contains("a presenter cannot also take a supporting role there"));

        Api.Session t = student(8);
        t.post(roleSignups(session(4), hacker), Map.of());
        problem(409, () -> t.post(BASE + "/sessions/" + session(4) + "/presentations", Map.of("paperId", paperOf(4, 0))));
    }

    @Test
    void each_student_presents_once_in_a_team_of_at_most_two() {
        Api.Session s = student(9);
        Map<String, Object> asked = s.post(BASE + "/sessions/" + session(5) + "/presentations",
                Map.of("paperId", paperOf(5, 0), "partnerEmail", "student10@example.edu")).body();
        assertEquals(List.of("Student 9"), names(asked), "the partner is asked, and joins on accepting");
        Map<String, Object> invitation = list((Map<String, Object>) student(10).get(BASE + "/signups/board").get("mine"), "invitations").get(0);
        Map<String, Object> team = student(10).post(BASE + "/signups/invitations/" + id(invitation) + "/accept", Map.of()).body();
        assertEquals(List.of("Student 9", "Student 10"), names(team));
        assertEquals("CONFIRMED", team.get("status"), "an official paper needs no approval");
        Map<String, Object> p = problem(409, () -> student(11).post(BASE + "/sessions/" + session(5) + "/presentations",
                Map.of("paperId", paperOf(5, 0))));
        assertTrue(((String) p.get("detail")).contains("is full (2 of 2)"), (String) p.get("detail"));
        Map<String, Object> again = problem(409, () -> s.post(BASE + "/sessions/" + session(6) + "/presentations",
                Map.of("paperId", paperOf(6, 0))));
        assertEquals("Student 9 already presents in this course (each student presents once).", again.get("detail"));
    }

    @Test
    void a_session_offers_only_its_slots() {
        long sid = session(6);
        student(12).post(BASE + "/sessions/" + sid + "/presentations", Map.of("paperId", paperOf(6, 0)));
        student(13).post(BASE + "/sessions/" + sid + "/presentations", Map.of("paperId", paperOf(6, 1)));
        long third = paperOf(0, 0);
        Map<String, Object> p = problem(409, () -> student(14).post(BASE + "/sessions/" + sid + "/presentations",
                Map.of("paperId", third)));
        assertTrue(((String) p.get("detail")).startsWith("All 2 presentation slots of session"), (String) p.get("detail"));
    }

    @Test
    void an_off_list_paper_waits_for_approval_and_a_declined_one_frees_the_slot_and_tells_the_student() {
        Api.Session instructor = instructor();
        Object offList = instructor.post(BASE + "/papers", Map.of("title", "Consistency Models", "authors", "Song et al.",
                "year", 2023, "official", false)).body().get("id");
        Api.Session s = student(15);
        Map<String, Object> proposed = s.post(BASE + "/sessions/" + session(7) + "/presentations", Map.of("paperId", offList)).body();
        assertEquals("PROPOSED", proposed.get("status"));
        problem(403, () -> s.post(BASE + "/presentations/" + proposed.get("id") + "/approve", Map.of()));
        assertEquals(204, ta().post(BASE + "/presentations/" + proposed.get("id") + "/decline",
                Map.of("reason", "it is not about the session's topic")).code());
        Map<String, Object> board = s.get(BASE + "/signups/board");
        assertTrue(list(board, "notices").stream().anyMatch(n -> ((String) n.get("detail")).contains("was declined: it is not about")));
        assertTrue(list(Api.mapOf(board, "mine"), "presentationIds").isEmpty());
        // Proposed again and approved, it is confirmed.
        Map<String, Object> again = s.post(BASE + "/sessions/" + session(7) + "/presentations", Map.of("paperId", offList)).body();
        assertEquals("CONFIRMED", ta().post(BASE + "/presentations/" + again.get("id") + "/approve", Map.of()).body().get("status"));
    }

    @Test
    void a_frozen_session_binds_students_but_not_staff() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime classStarts = LocalDate.now(clock.withZone(newYork)).plusDays(3).atTime(14, 55).atZone(newYork);
        Map<String, Object> sessionBody = new HashMap<>(Map.of("date", classStarts.toLocalDate().toString(),
                "startTime", "14:55", "endTime", "16:10", "topic", "Extra presentations", "kind", "PRESENTATION",
                "presentationSlots", 1));
        long frozen = id(ta().post(BASE + "/sessions", sessionBody).body());
        // Sign-ups freeze 48 hours before class: a second before, the student still takes a role and withdraws.
        clock.set(classStarts.minusHours(48).minusSeconds(1));
        Api.Session early = student(16);
        Map<String, Object> taken = early.post(roleSignups(frozen, hacker), Map.of()).body();
        assertEquals(204, early.delete(roleSignups(frozen, hacker) + "/" + taken.get("id")).code());

        clock.set(classStarts.minusHours(48));
        Api.Session ta = ta();
        Map<String, Object> p = problem(409, () -> student(16).post(roleSignups(frozen, hacker), Map.of()));
        assertTrue(((String) p.get("detail")).contains("froze on"), (String) p.get("detail"));
        Map<String, Object> assigned = ta.post(roleSignups(frozen, hacker), Map.of("studentId", userId(16))).body();
        problem(409, () -> student(16).delete(roleSignups(frozen, hacker) + "/" + assigned.get("id")));
        Map<String, Object> row = sessions(student(16).get(BASE + "/signups/board")).stream()
                .filter(s -> id(s) == frozen).findFirst().orElseThrow();
        assertTrue((Boolean) row.get("frozen"));
        assertEquals(204, ta.delete(roleSignups(frozen, hacker) + "/" + assigned.get("id")).code());
        assertEquals(204, ta.delete(BASE + "/sessions/" + frozen).code(), "nothing holds it any more");
    }

    @Test
    void students_act_only_for_themselves_and_staff_for_anyone() {
        Map<String, Object> bobs = ta().post(roleSignups(session(0), hacker), Map.of("studentId", userId(17))).body();
        problem(403, () -> student(18).delete(roleSignups(session(0), hacker) + "/" + bobs.get("id")));
        problem(403, () -> student(18).post(roleSignups(session(0), hacker), Map.of("studentId", userId(17))));
        problem(422, () -> ta().post(roleSignups(session(0), hacker), Map.of()));
        // Staff move the sign-up to another session and role in one step.
        Map<String, Object> moved = ta().post(roleSignups(session(0), hacker) + "/" + bobs.get("id") + "/move",
                Map.of("sessionId", session(1), "roleId", id(peerReviewer))).body();
        assertEquals("Peer Reviewer", moved.get("roleName"));
        assertEquals(session(1), Api.longOf(moved, "sessionId"));
    }

    @Test
    void only_staff_see_coverage_and_the_audit_trail() {
        problem(403, () -> student(1).get(BASE + "/signups/coverage"));
        problem(403, () -> student(1).list(BASE + "/signups/audit"));
        problem(403, () -> student(1).post(BASE + "/signups/autofill/preview", Map.of()));
        student(19).post(roleSignups(session(2), hacker), Map.of());
        List<Map<String, Object>> audit = ta().list(BASE + "/signups/audit");
        assertTrue(audit.stream().anyMatch(e -> "TAKE_ROLE".equals(e.get("action"))
                && ((String) e.get("detail")).startsWith("Student 19 took Hacker in session")));
        Map<String, Object> coverage = instructor().get(BASE + "/signups/coverage");
        Map<String, Object> s19 = list(coverage, "students").stream().filter(c -> "Student 19".equals(c.get("name"))).findFirst().orElseThrow();
        assertFalse(((List<?>) s19.get("blocksMissingRole")).contains(1), "session(2) is in block 1");
        assertEquals(3, ((List<?>) s19.get("blocksMissingRole")).size());
    }

    @Test
    void a_session_with_sign_ups_is_not_deleted_and_cancelling_keeps_them_with_a_note() {
        long sid = session(7);
        Map<String, Object> held = student(20).post(roleSignups(sid, peerReviewer), Map.of()).body();
        Map<String, Object> p = problem(409, () -> instructor().delete(BASE + "/sessions/" + sid));
        assertTrue(((String) p.get("detail")).contains("role sign-up"), (String) p.get("detail"));
        Map<String, Object> session = instructor().get(BASE + "/sessions/" + sid);
        Map<String, Object> cancel = new HashMap<>(Map.of("date", session.get("date"), "startTime", session.get("startTime"),
                "endTime", session.get("endTime"), "topic", session.get("topic"), "kind", "NO_CLASS"));
        instructor().put(BASE + "/sessions/" + sid, cancel);
        Map<String, Object> row = sessions(student(20).get(BASE + "/signups/board")).stream().filter(s -> id(s) == sid).findFirst().orElseThrow();
        assertTrue(holders(student(20).get(BASE + "/signups/board"), sid, peerReviewer).contains("Student 20"), "kept");
        assertTrue(((List<?>) row.get("notes")).stream().map(Object::toString).anyMatch(n -> n.contains("cancelled")), row.toString());
        problem(409, () -> student(1).post(roleSignups(sid, hacker), Map.of()));
        cancel.put("kind", "PRESENTATION");
        instructor().put(BASE + "/sessions/" + sid, cancel);
        assertEquals(204, student(20).delete(roleSignups(sid, peerReviewer) + "/" + held.get("id")).code());
    }

    // Reading helpers

    long userId(int student) {
        return Api.id(student(student).get("/api/me"));
    }

    static long id(Map<String, Object> m) {
        return Api.id(m);
    }

    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return Api.listOf(m, key);
    }

    static List<Map<String, Object>> sessions(Map<String, Object> board) {
        return list(board, "sessions");
    }

    static List<String> names(Map<String, Object> presentation) {
        return list(presentation, "members").stream().map(m -> (String) m.get("name")).toList();
    }

    static List<String> holders(Map<String, Object> board, long sessionId, Map<String, Object> role) {
        Map<String, Object> row = sessions(board).stream().filter(s -> id(s) == sessionId).findFirst().orElseThrow();
        return list(row, "seats").stream().filter(s -> Api.longOf(s, "roleId") == id(role))
                .flatMap(s -> list(s, "holders").stream()).map(h -> (String) h.get("name")).toList();
    }
}
