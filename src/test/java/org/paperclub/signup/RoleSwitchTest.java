package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A student who holds a role in a session switches to another role there in one step ({@code replace: true}): the
 * new seat is taken and the old one given up in one transaction, under the sign-up's locks, or nothing changes.
 * On the Cornell demo (course 2); each test uses its own students and session.
 */
@MicronautTest
class RoleSwitchTest extends ApiTest {

    private static final String BASE = "/api/courses/2";

    private List<Map<String, Object>> presentationSessions;
    private List<Map<String, Object>> roles;

    @BeforeAll
    void readTheBoard() {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        presentationSessions = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        roles = Api.listOf(board, "roles");
    }

    long session(int n) {
        return Api.id(presentationSessions.get(n));
    }

    int number(int n) {
        return Api.intOf(presentationSessions.get(n), "number");
    }

    long role(String name) {
        return roles.stream().filter(r -> name.equals(r.get("name"))).mapToLong(r -> Api.id(r)).findFirst().orElseThrow();
    }

    String signups(int session, String role) {
        return BASE + "/sessions/" + session(session) + "/roles/" + role(role) + "/signups";
    }

    /** The role each student holds in the session, by name. */
    Map<String, String> holdings(int session) {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        Map<String, Object> row = Api.listOf(board, "sessions").stream()
                .filter(s -> Api.id(s) == session(session)).findFirst().orElseThrow();
        Map<String, String> out = new java.util.TreeMap<>();
        for (Map<String, Object> seat : Api.listOf(row, "seats")) {
            for (Map<String, Object> h : Api.listOf(seat, "holders")) {
                out.put((String) h.get("name"), (String) seat.get("roleName"));
            }
        }
        return out;
    }

    @Test
    void a_student_switches_roles_in_one_step_with_one_audit_line() {
        Api.Session ann = student(2);
        ann.post(signups(0, "Peer Reviewer"), Map.of());
        Map<String, Object> switched = ann.post(signups(0, "Hacker"), Map.of("replace", true)).body();
        assertEquals("Hacker", switched.get("roleName"));
        assertEquals(Map.of("Student 2", "Hacker"), holdings(0));
        List<Map<String, Object>> audit = ta().list(BASE + "/signups/audit");
        assertEquals("SWITCH_ROLE", audit.get(0).get("action"));
        assertEquals("Student 2 switched from Peer Reviewer to Hacker in session " + number(0), audit.get(0).get("detail"));
        assertEquals("TAKE_ROLE", audit.get(1).get("action"), "one line for the switch, none for a drop");
    }

    @Test
    void without_the_flag_a_second_role_is_still_refused() {
        Api.Session bob = student(3);
        bob.post(signups(1, "Peer Reviewer"), Map.of());
        Map<String, Object> p = problem(409, () -> bob.post(signups(1, "Hacker"), Map.of()));
        assertTrue(((String) p.get("detail")).contains("switch"), "the refusal says how: " + p.get("detail"));
    }

    @Test
    void a_switch_into_a_full_role_changes_nothing() {
        student(4).post(signups(2, "Hacker"), Map.of());
        student(5).post(signups(2, "Hacker"), Map.of());
        Api.Session cy = student(6);
        cy.post(signups(2, "Archaeologist"), Map.of());
        Map<String, Object> p = problem(409, () -> cy.post(signups(2, "Hacker"), Map.of("replace", true)));
        assertEquals("Hacker for session " + number(2) + " is full (2 of 2).", p.get("detail"));
        assertEquals("Archaeologist", holdings(2).get("Student 6"), "the old role is kept");
        problem(409, () -> cy.post(signups(2, "Archaeologist"), Map.of("replace", true)));
    }

    @Test
    void in_a_frozen_session_students_cannot_switch_but_staff_can() {
        Api.Session ta = ta();
        java.time.LocalDate tomorrow = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("America/New_York"))).plusDays(1);
        long frozen = Api.id(ta.post(BASE + "/sessions", Map.of("date", tomorrow.toString(), "startTime", "14:55",
                "endTime", "16:10", "topic", "Extra presentations", "kind", "PRESENTATION", "presentationSlots", 1))
                .body());
        String path = BASE + "/sessions/" + frozen + "/roles/";
        long dee = Api.id(student(7).get("/api/me"));
        ta.post(path + role("Peer Reviewer") + "/signups", Map.of("studentId", dee));
        Map<String, Object> p = problem(409, () -> student(7).post(path + role("Hacker") + "/signups", Map.of("replace", true)));
        assertTrue(((String) p.get("detail")).contains("froze on"), (String) p.get("detail"));
        Map<String, Object> switched = ta.post(path + role("Hacker") + "/signups", Map.of("studentId", dee, "replace", true)).body();
        assertEquals("Hacker", switched.get("roleName"));
        assertTrue(ta.list(BASE + "/signups/audit").get(0).get("detail").toString()
                .startsWith("Student 7 switched from Peer Reviewer to Hacker"), "staff's switch is audited too");
    }

    @Test
    void two_students_switching_into_the_last_seat_one_wins_and_the_other_keeps_their_role() throws Exception {
        student(8).post(signups(4, "Hacker"), Map.of());
        List<String> others = roles.stream().map(r -> (String) r.get("name")).filter(n -> !n.equals("Hacker")).toList();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Api.Session racer = student(9 + i);
            racer.post(signups(4, others.get(i)), Map.of());
            calls.add(() -> racer.post(signups(4, "Hacker"), Map.of("replace", true)).code());
        }
        List<Integer> codes = Race.run(calls, calls.size());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(others.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        Map<String, String> after = holdings(4);
        assertEquals(2, after.values().stream().filter("Hacker"::equals).count(), "no seat overbooked: " + after);
        assertEquals(others.size() + 1, after.size(), "every loser still holds their old role: " + after);
    }
}
