package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graders and students racing: the database keeps one grade per item and one open regrade per grade. */
@MicronautTest
class GradingConcurrencyTest extends ApiTest {

    @Test
    void two_graders_saving_one_team_at_once_leave_one_grade_per_member_and_every_change_audited() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 1", List.of("student1@example.edu", "student2@example.edu"));
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
        List<Map<String, Object>> members = (List<Map<String, Object>>) ((List<Map<String, Object>>) sheet.get("presentations")).get(0).get("members");
        Object first = ((Map<?, ?>) members.get(0).get("grade")).get("points");
        assertEquals(first, ((Map<?, ?>) members.get(1).get("grade")).get("points"), "both members hold the last team grade saved");
        List<Map<String, Object>> audit = c.instructor.list(c.grades("audit"));
        assertEquals(2, audit.stream().filter(e -> "GRADED".equals(e.get("action"))).count(), "one grade created per member");
    }

    @Test
    void thirty_parallel_regrade_requests_for_one_grade_open_exactly_one() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RACE 2", List.of("student1@example.edu"));
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
}
