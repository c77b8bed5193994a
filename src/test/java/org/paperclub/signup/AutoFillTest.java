package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AutoFillTest extends ApiTest {

    private static final String BASE = "/api/courses/2";

    @Test
    void auto_fill_plans_a_role_in_every_block_for_everyone_breaking_no_rule_and_applies_it() {
        Api.Session ta = ta();
        // Some students present, some already hold roles: the plan must work around both.
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        List<Map<String, Object>> sessions = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        long first = Api.id(sessions.get(0));
        long paper = Api.longOf(Api.listOf(sessions.get(0), "papers").get(0), "paperId");
        student(1).post(BASE + "/sessions/" + first + "/presentations", Map.of("paperId", paper, "partnerEmail", "student2@example.edu"));
        Map<String, Object> invitation = Api.listOf(Api.mapOf(student(2).get(BASE + "/signups/board"), "mine"), "invitations").get(0);
        student(2).post(BASE + "/signups/invitations/" + Api.id(invitation) + "/accept", Map.of());
        long role = Api.id(Api.listOf(board, "roles").get(0));
        student(3).post(BASE + "/sessions/" + first + "/roles/" + role + "/signups", Map.of());

        Map<String, Object> before = ta.get(BASE + "/signups/coverage");
        int gaps = Api.intOf(before, "gaps");
        assertEquals(20 * 4 - 1, gaps, "20 students × 4 blocks, one already covered");

        Map<String, Object> plan = ta.post(BASE + "/signups/autofill/preview", Map.of()).body();
        List<Map<String, Object>> assignments = Api.listOf(plan, "assignments");
        assertEquals(gaps, assignments.size(), "every gap is fillable here: " + plan.get("unfilled"));
        Set<String> studentSessions = new HashSet<>();
        Map<String, Integer> seats = new HashMap<>();
        for (Map<String, Object> a : assignments) {
            assertTrue(studentSessions.add(a.get("studentId") + "@" + a.get("sessionId")), "one role per session: " + a);
            seats.merge(a.get("sessionId") + "/" + a.get("roleId"), 1, Integer::sum);
            boolean presenter = a.get("studentName").equals("Student 1") || a.get("studentName").equals("Student 2");
            assertTrue(!presenter || Api.longOf(a, "sessionId") != first, "presenters get no role in their session");
        }
        assertTrue(seats.values().stream().allMatch(n -> n <= 2), "no seat planned twice: " + seats);
        assertEquals(gaps, Api.intOf(ta.get(BASE + "/signups/coverage"), "gaps"), "a preview writes nothing");

        List<Map<String, Object>> applied = ta.postForList(BASE + "/signups/autofill/apply", Map.of("assignments", assignments));
        assertEquals(assignments.size(), applied.size());
        assertTrue(applied.stream().allMatch(r -> Boolean.TRUE.equals(r.get("done"))), applied.toString());
        assertEquals(0, Api.intOf(ta.get(BASE + "/signups/coverage"), "gaps"), "every gap filled");
    }

    @Test
    void gaps_that_cannot_be_filled_are_reported_with_the_reason() {
        Api.Session instructor = instructor();
        String file = """
                format: paperclub-course/1
                course: {code: TINY 1, title: Tiny seminar, term: Spring 2027, timeZone: UTC}
                roles:
                  - {name: Scribe, description: Takes the notes., capacity: 1}
                papers:
                  - {key: p1, title: One paper}
                sessions:
                  - {number: 1, date: 2027-03-01, start: "10:00", end: "11:00", kind: PRESENTATION, topic: Talks, presentationSlots: 1, assigned: [p1]}
                """;
        long course = Api.id(instructor.post("/api/courses/import", file, "application/yaml").body());
        for (int i = 1; i <= 3; i++) {
            instructor.post("/api/courses/" + course + "/roster", Map.of("email", "student" + i + "@example.edu"));
        }
        Map<String, Object> plan = instructor.post("/api/courses/" + course + "/signups/autofill/preview", Map.of()).body();
        assertEquals(1, ((List<?>) plan.get("assignments")).size());
        List<Map<String, Object>> unfilled = Api.listOf(plan, "unfilled");
        assertEquals(2, unfilled.size());
        assertEquals("Every seat of session 1 is taken.", unfilled.get(0).get("reason"));
    }
}
