package org.paperclub.signup;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A common format: one student presentation in every class and no supporting roles at all. With no roles there is
 * nothing to cover: no blocks, no gaps, nothing to auto-fill, and no role counted in the grade.
 */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CourseWithoutRolesTest extends ApiTest {

    private Api.Session instructor;
    private String base;
    private long firstSession;

    /**
     * Four presentation sessions of one slot, no roles; the default weights (presentation 50, roles 50); missing work
     * counts 0. Session 1 was yesterday, so its presentation can be graded; the others are to come.
     */
    static String presentationsOnly() {
        LocalDate start = LocalDate.now(ZoneId.of("UTC")).minusDays(2);
        StringBuilder yaml = new StringBuilder("""
                format: paperclub-course/1
                course: {code: TALKS 1, title: One talk per class, term: Spring 2027, timeZone: UTC}
                policies:
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale: {type: POINTS, max: 10}
                    critiqueScale: {type: POINTS, max: 10}
                    weights: {presentation: 50, roles: 50, critiques: 0}
                    missing: ZERO
                    regradeWindowDays: 7
                papers:
                """);
        for (int i = 1; i <= 4; i++) {
            yaml.append("  - {key: p").append(i).append(", title: Paper ").append(i).append("}\n");
        }
        yaml.append("sessions:\n");
        for (int i = 1; i <= 4; i++) {
            yaml.append("  - {number: ").append(i).append(", date: ").append(start.plusDays(i)).append(", start: \"10:00\", end: \"11:00\", ")
                    .append("kind: PRESENTATION, topic: Talk ").append(i).append(", presentationSlots: 1, assigned: [p").append(i).append("]}\n");
        }
        return yaml.toString();
    }

    @BeforeAll
    void aCourseWithPresentationsAndNoRoles() {
        instructor = instructor();
        long course = Api.id(instructor.post("/api/courses/import", presentationsOnly(), "application/yaml").body());
        base = "/api/courses/" + course;
        for (int i = 1; i <= 3; i++) {
            instructor.post(base + "/roster", Map.of("email", "student" + i + "@example.edu"));
        }
        firstSession = Api.id(instructor.list(base + "/sessions").get(0));
    }

    @Test
    void coverage_has_no_blocks_and_no_gaps() {
        Map<String, Object> coverage = instructor.get(base + "/signups/coverage");
        assertEquals(List.of(), coverage.get("blocks"));
        assertEquals(0, Api.intOf(coverage, "gaps"));
        for (Map<?, ?> student : (List<Map<?, ?>>) coverage.get("students")) {
            assertEquals(List.of(), student.get("blocksMissingRole"), student.toString());
        }
    }

    @Test
    void auto_fill_has_nothing_to_plan_and_reports_no_full_seats() {
        Map<String, Object> plan = instructor.post(base + "/signups/autofill/preview", Map.of()).body();
        assertEquals(List.of(), plan.get("assignments"));
        assertEquals(List.of(), plan.get("unfilled"));
    }

    @Test
    void the_board_tells_no_student_they_miss_a_role() {
        Map<String, Object> board = student(2).get(base + "/signups/board");
        assertEquals(List.of(), Api.mapOf(board, "mine").get("blocksMissingRole"));
        assertEquals(List.of(), board.get("blocks"));
        for (Map<?, ?> s : (List<Map<?, ?>>) board.get("sessions")) {
            assertFalse((Boolean) s.get("hasRoles"), "a session without roles to take: " + s.get("number"));
            assertEquals(1, Api.intOf(s, "presentationSlots"), "the presentation slots are still offered");
        }
    }

    @Test
    void the_grade_requires_no_role_and_the_roles_weight_does_not_drag_it_down() {
        long studentId = Api.id(student(3).get("/api/me"));
        long paper = Api.longOf(Api.listOf(instructor.list(base + "/sessions").get(0), "readings").get(0), "paperId");
        long presentation = Api.id(instructor.post(base + "/sessions/" + firstSession + "/presentations",
                Map.of("paperId", paper, "studentId", studentId)).body());
        instructor.http().retrieve(instructor.authorize(HttpRequest.PUT(base + "/grades/presentations/" + presentation,
                Map.of("points", 9))), String.class);
        instructor.post(base + "/sessions/" + firstSession + "/grades/publish", Map.of());

        Map<String, Object> mine = student(3).get(base + "/grades/me");
        Map<String, Object> participation = Api.mapOf(mine, "participation");
        Map<String, Object> roles = Api.mapOf(participation, "roles");
        assertEquals(0, Api.intOf(roles, "required"), "no roles, none required");
        assertEquals(null, roles.get("percent"), "nothing to count: the component drops out with its weight");
        assertEquals(90.0, Api.doubleOf(participation, "percent"), 0.001, "9 of 10 is the whole grade here");
        assertEquals(List.of(), Api.mapOf(mine, "progress").get("blocks"));
        assertTrue(((List<String>) participation.get("explanation")).stream()
                        .anyMatch(l -> l.startsWith("Supporting roles: none required in this course; its weight of 50 is left out")),
                participation.get("explanation").toString());
    }
}
