package org.paperclub.home;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The answers that let a page load in at most two requests carry the same as the separate reads they replace, and
 * nothing a student may not see: the critiques overview, the board's students, the coverage's audit trail and the
 * summary's open regrade requests. (The schedule page's answer: ScheduleAcrossInstancesTest; /me: HomeTest.)
 */
@MicronautTest
class PageAnswersTest extends ApiTest {

    private static final String C1 = "/api/courses/1";
    private static final String C2 = "/api/courses/2";

    @Test
    void a_students_critiques_overview_is_their_progress_critiques_and_extensions_without_the_roster_or_grading() {
        Api.Session student = student(1);
        Map<String, Object> overview = student.get(C1 + "/critiques/overview");
        assertEquals("STUDENT", overview.get("role"));
        assertEquals(student.get(C1 + "/critiques/progress"), overview.get("progress"));
        assertEquals(student.list(C1 + "/critiques"), overview.get("critiques"));
        assertEquals(student.list(C1 + "/extensions"), overview.get("extensions"));
        assertNull(overview.get("roster"), "a student is not shown the roster");
        assertNull(overview.get("gradedCritiques"), "nor which critiques are graded");
    }

    @Test
    void staffs_critiques_overview_adds_the_roster_and_the_critiques_graded() {
        Api.Session ta = ta();
        Map<String, Object> overview = ta.get(C1 + "/critiques/overview");
        assertEquals("TA", overview.get("role"));
        assertEquals(ta.list(C1 + "/critiques"), overview.get("critiques"));
        assertEquals(ta.list(C1 + "/roster"), overview.get("roster"));
        assertEquals(ta.get(C1 + "/grading/progress").get("gradedCritiques"), overview.get("gradedCritiques"));
    }

    @Test
    void the_board_gives_staff_the_students_for_their_choice_lists_and_a_student_no_one() {
        assertNull(student(1).get(C2 + "/signups/board").get("students"));
        Set<Long> onRoster = instructor().list(C2 + "/roster").stream().filter(p -> "STUDENT".equals(p.get("role")))
                .map(p -> Api.longOf(p, "userId")).collect(Collectors.toSet());
        Set<Long> onBoard = Api.listOf(instructor().get(C2 + "/signups/board"), "students").stream()
                .map(p -> Api.longOf(p, "userId")).collect(Collectors.toSet());
        assertEquals(onRoster, onBoard);
    }

    @Test
    void the_coverage_carries_the_sign_up_audit_trail_and_the_summary_the_open_regrade_requests() {
        Api.Session instructor = instructor();
        long sessionId = Api.id(instructor.list(C2 + "/sessions").stream()
                .filter(s -> Api.intOf(s, "presentationSlots") > 0).reduce((a, b) -> b).orElseThrow());
        long roleId = Api.id(instructor.list(C2 + "/roles").get(0));
        long student = Api.longOf(student(1).get("/api/me"), "id");
        assertEquals(201, instructor.post(C2 + "/sessions/" + sessionId + "/roles/" + roleId + "/signups",
                Map.of("studentId", student)).code());
        List<Map<String, Object>> audit = instructor.list(C2 + "/signups/audit");
        assertEquals(1, audit.size(), audit.toString());
        assertEquals(audit, instructor.get(C2 + "/signups/coverage").get("audit"));

        assertEquals(instructor.list(C2 + "/regrades?open=true"), instructor.get(C2 + "/grades/summary").get("openRegrades"));
    }
}
