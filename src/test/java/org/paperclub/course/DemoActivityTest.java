package org.paperclub.course;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the demo activity on (as `mvn mn:run` starts), the demo term has critiques, grades and sign-ups to show. */
@MicronautTest
class DemoActivityTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("paperclub.demo.activity", "true");
    }

    @Test
    void the_umd_course_has_critiques_of_past_sessions_graded_and_published_and_one_regrade_waiting() {
        Api.Session ta = ta();
        Map<String, Object> summary = ta.get("/api/courses/1/grades/summary");
        List<Map<String, Object>> students = Api.listOf(summary, "students");
        assertEquals(20, students.size());
        assertTrue(students.stream().allMatch(s -> Api.intOf(s, "critiquesAccepted") > 0));
        assertTrue(students.stream().allMatch(s -> s.get("critiques") != null), "everyone has graded critiques");
        assertTrue(students.stream().anyMatch(s -> Api.intOf(s, "ungraded") > 0), "some are still to grade");
        assertEquals(1, ta.list("/api/courses/1/regrades?open=true").size());

        Map<String, Object> mine = student(1).get("/api/courses/1/grades/me");
        List<Map<String, Object>> items = Api.listOf(mine, "items");
        assertTrue(items.size() >= 3, "Student 1 sees published grades");
        assertTrue(items.stream().allMatch(g -> g.get("publishedAt") != null));
        assertTrue(Api.mapOf(mine, "participation").get("percent") instanceof Number);

        // The demo critiques are real PDFs: a past session's print is one merged PDF.
        Map<String, Object> past = ta.list("/api/courses/1/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind")) && OffsetDateTime.parse((String) s.get("startsAt")).isBefore(OffsetDateTime.now(clock).minusDays(3)))
                .filter(s -> ((List<?>) s.get("readings")).size() > 0 && !ta.list("/api/courses/1/critiques?sessionId=" + s.get("id")).isEmpty())
                .findFirst().orElseThrow();
        byte[] pdf = ta.http().retrieve(ta.authorize(HttpRequest.GET("/api/courses/1/sessions/" + past.get("id") + "/critiques.pdf"))
                .accept(MediaType.of("application/pdf")), byte[].class);
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }

    @Test
    void the_cornell_board_has_teams_and_roles_in_its_first_presentation_sessions() {
        Map<String, Object> board = student(1).get("/api/courses/2/signups/board");
        List<Map<String, Object>> withRoles = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        Map<String, Object> first = withRoles.get(0);
        int holders = Api.listOf(first, "seats").stream().mapToInt(s -> ((List<?>) s.get("holders")).size()).sum();
        assertEquals(7, holders, "a student in each of the seven roles");
        List<Map<String, Object>> teams = Api.listOf(first, "presentations");
        assertEquals(1, teams.size());
        assertEquals(2, ((List<?>) teams.get(0).get("members")).size(), "a team of two presents");
        Map<String, Object> mine = Api.mapOf(board, "mine");
        assertEquals(1, ((List<?>) mine.get("roleSignupIds")).size(), "Student 1 holds a role");
    }
}
