package org.paperclub.grading;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;
import org.paperclub.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graders and students racing: the database keeps one grade per item and one open regrade per grade. */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class GradingConcurrencyTest extends ApiTest {

    @Test
    void two_graders_saving_one_team_at_once_leave_one_grade_per_member_and_every_change_audited() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 1", List.of("student1@example.edu", "student2@example.edu"));
        c.held(2);
        long team = c.present(2, 0, c.userId("student1@example.edu"), c.userId("student2@example.edu"));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int points = i % 10 + 1;
            calls.add(() -> {
                GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", points));
                return 200;
            });
        }
        List<Integer> codes = Race.run(calls, 32);
        assertTrue(codes.stream().allMatch(code -> code == 200), codes.toString());
        Map<String, Object> sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(2) + "/grading");
        List<Map<String, Object>> members = Api.listOf(Api.listOf(sheet, "presentations").get(0), "members");
        Object first = Api.mapOf(members.get(0), "grade").get("points");
        assertEquals(first, Api.mapOf(members.get(1), "grade").get("points"), "both members hold the last team grade saved");
        List<Map<String, Object>> audit = c.instructor.list(c.grades("audit"));
        assertEquals(2, audit.stream().filter(e -> "GRADED".equals(e.get("action"))).count(), "one grade created per member");
    }

    @Test
    void thirty_parallel_regrade_requests_for_one_grade_open_exactly_one() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 2", List.of("student1@example.edu"));
        c.held(2);
        long team = c.present(2, 0, c.userId("student1@example.edu"), null);
        Object gradeId = GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 5)).get(0).get("id");
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());
        var student = student(1);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(() -> student.post(c.grades(gradeId + "/regrades"), Map.of("reason", "Please look again")).code());
        }
        List<Integer> codes = Race.run(calls, 32);
        assertEquals(1, codes.stream().filter(code -> code == 201).count(), codes.toString());
        assertEquals(29, codes.stream().filter(code -> code == 409).count(), codes.toString());
        assertEquals(1, c.instructor.list(c.base + "/regrades").size());
    }

    @Test
    void grades_saved_while_the_session_is_published_end_as_the_audit_says() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 3", List.of("student1@example.edu"));
        c.held(2);
        long team = c.present(2, 0, c.userId("student1@example.edu"), null);
        GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 1));
        String publish = c.base + "/sessions/" + c.sessionId(2) + "/grades/publish";
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int points = i % 10 + 1;
            calls.add(i % 3 == 0 ? () -> c.instructor.post(publish, Map.of()).code() : () -> {
                GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", points));
                return 200;
            });
        }
        List<Integer> codes = Race.run(calls, 16);
        assertTrue(codes.stream().allMatch(code -> code == 200), codes.toString());
        Map<String, Object> grade = GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 10)).get(0);
        List<Map<String, Object>> history = c.instructor.list(c.grades(grade.get("id") + "/history"));
        String lastBefore = history.stream().filter(e -> List.of("GRADED", "CHANGED").contains(e.get("action")))
                .map(e -> (String) e.get("newValue")).reduce((a, b) -> b).orElseThrow();
        assertEquals("10", lastBefore, "the last change recorded is the value stored");
        // Every change in the audit continues from the value before it: no save was overwritten by a publish.
        String value = null;
        for (Map<String, Object> e : history) {
            if (List.of("CHANGED").contains(e.get("action"))) {
                assertEquals(value, e.get("oldValue"), history.toString());
            }
            if (List.of("GRADED", "CHANGED").contains(e.get("action"))) {
                value = (String) e.get("newValue");
            }
        }
    }

    @Test
    void a_grade_removed_while_its_student_asks_for_a_regrade_leaves_no_request_without_a_grade() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 4", List.of("student1@example.edu"));
        c.held(2);
        var student = student(1);
        for (int round = 0; round < 5; round++) {
            long team = c.present(2, 0, c.userId("student1@example.edu"), null);
            Object gradeId = GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 5)).get(0).get("id");
            c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());
            List<Integer> codes = Race.run(List.of(
                    () -> c.instructor.delete(c.grades(String.valueOf(gradeId))).code(),
                    () -> student.post(c.grades(gradeId + "/regrades"), Map.of("reason", "Please")).code()), 2);
            assertTrue(codes.equals(List.of(204, 404)) || codes.equals(List.of(409, 201)), codes.toString());
            for (Map<String, Object> open : c.instructor.list(c.base + "/regrades?open=true")) {
                assertTrue(open.get("item") != null, "an open request always has its grade");
                c.instructor.post(c.base + "/regrades/" + open.get("id") + "/answer", Map.of("answer", "Kept"));
                c.instructor.delete(c.grades(String.valueOf(open.get("gradeId"))));
            }
            c.instructor.delete(c.base + "/sessions/" + c.sessionId(2) + "/presentations/" + team + "?studentId=" + c.userId("student1@example.edu"));
        }
    }

    @Test
    void team_grades_saved_while_the_session_is_published_never_deadlock_whatever_order_the_grades_were_made_in() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 5", List.of("student1@example.edu", "student2@example.edu"));
        long first = c.userId("student1@example.edu");
        long second = c.userId("student2@example.edu");
        c.held(2);
        long team = c.present(2, 0, first, second);
        String publish = c.base + "/sessions/" + c.sessionId(2) + "/grades/publish";
        for (int round = 0; round < 8; round++) {
            // Each member graded alone, the second first: the grade rows' ids then run against the team's order,
            // while publishing takes the drafts in id order.
            Object secondGrade = GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 1, "studentId", second)).get(0).get("id");
            Object firstGrade = GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", 1, "studentId", first)).get(0).get("id");
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int points = i + 2;
                calls.add(i % 4 == 3 ? () -> c.instructor.post(publish, Map.of()).code() : () -> {
                    GradingTest.put(c.instructor, c.grades("presentations/" + team), Map.of("points", points));
                    return 200;
                });
            }
            List<Integer> codes = Race.run(calls, 8);
            assertTrue(codes.stream().allMatch(code -> code == 200), "round " + round + ": " + codes);
            c.instructor.delete(c.grades(String.valueOf(firstGrade)));
            c.instructor.delete(c.grades(String.valueOf(secondGrade)));
        }
    }
}
