package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.grading.GradingTest.put;
import static org.paperclub.support.Api.intOf;
import static org.paperclub.support.Api.problem;

/** "x of y graded": per session for staff, on the sheet and the summary, counting the same items everywhere. */
@MicronautTest
class GradingProgressTest extends ApiTest {

    static final String ANN = "student1@example.edu";
    static final String BEN = "student2@example.edu";
    static final String CAL = "student3@example.edu";

    private int courses;

    GradingCourse seminar() {
        return new GradingCourse(instructor(), "GP " + (++courses), List.of(ANN, BEN, CAL));
    }

    static List<Map<String, Object>> sessions(Map<String, Object> progress) {
        return (List<Map<String, Object>>) progress.get("sessions");
    }

    static Map<String, Object> of(List<Map<String, Object>> progress, long sessionId) {
        return progress.stream().filter(p -> Api.longOf(p, "sessionId") == sessionId).findFirst().orElseThrow();
    }

    @Test
    void each_session_says_how_many_of_its_items_are_graded_and_the_sheet_agrees() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long ben = c.userId(BEN);
        long cal = c.userId(CAL);
        long team = c.present(2, 0, ann, ben);              // two presenters
        c.takeRole(2, "Hacker", cal);                       // one role holder
        long critique = c.critique(2, 1, cal);              // one critique
        c.critique(3, 0, ann);                              // session 3 is later: its critique already counts
        c.held(2);
        List<Map<String, Object>> before = sessions(c.instructor.get(c.base + "/grading/progress"));
        assertEquals(0, intOf(of(before, c.sessionId(2)), "graded"));
        assertEquals(4, intOf(of(before, c.sessionId(2)), "toGrade"), "Ann and Ben presenting, Cal's role and critique");
        assertEquals(1, intOf(of(before, c.sessionId(3)), "toGrade"), "only the critique: session 3 has not begun");
        assertTrue(before.stream().noneMatch(p -> Api.longOf(p, "sessionId") == c.sessionId(4)),
                "a session with nothing to grade is left out");

        put(c.instructor, c.grades("presentations/" + team), Map.of("points", 8));
        put(c.instructor, c.grades("critiques/" + critique), Map.of("points", 3));
        Map<String, Object> p = of(sessions(c.instructor.get(c.base + "/grading/progress")), c.sessionId(2));
        assertEquals(3, intOf(p, "graded"));
        assertEquals(4, intOf(p, "toGrade"));
        assertEquals(3, intOf(p, "unpublished"));
        assertEquals(List.of(critique), ((List<Object>) c.instructor.get(c.base + "/grading/progress").get("gradedCritiques")).stream()
                        .map(x -> ((Number) x).longValue()).toList(),
                "the critiques matrix marks which critiques are graded");
        Map<String, Object> sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(2) + "/grading");
        assertEquals(3, intOf(sheet, "graded"));
        assertEquals(4, intOf(sheet, "toGrade"));
        Map<String, Object> summary = c.instructor.get(c.grades("summary"));
        assertEquals(p, of((List<Map<String, Object>>) summary.get("sessions"), c.sessionId(2)), "the summary counts alike");
    }

    @Test
    void publishing_every_grade_still_leaves_the_ungraded_rows_counted() {
        GradingCourse c = seminar();
        long ann = c.userId(ANN);
        long ben = c.userId(BEN);
        long first = c.critique(2, 0, ann);
        c.critique(2, 1, ben);
        put(c.instructor, c.grades("critiques/" + first), Map.of("points", 4));
        c.instructor.post(c.base + "/sessions/" + c.sessionId(2) + "/grades/publish", Map.of());
        Map<String, Object> sheet = c.instructor.get(c.base + "/sessions/" + c.sessionId(2) + "/grading");
        assertEquals(0, intOf(sheet, "unpublished"));
        assertEquals(1, intOf(sheet, "graded"), "one of two critiques graded, although nothing is left to publish");
        assertEquals(2, intOf(sheet, "toGrade"));
    }

    @Test
    void only_staff_see_how_far_grading_has_come() {
        GradingCourse c = seminar();
        problem(403, () -> student(1).get(c.base + "/grading/progress"));
        problem(403, () -> student(4).get(c.base + "/grading/progress"));   // not in the course
    }
}
