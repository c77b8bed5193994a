package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Removing a student from a course: their work stays (counted, listed as withdrawn), their access goes, and their
 * places in sessions still to come are released for others; what is past stays.
 */
@MicronautTest
class RemoveStudentTest extends ApiTest {

    static final String ANN = "student1@example.edu";
    static final String BEN = "student2@example.edu";

    static Map<String, Object> line(Api.Session staff, GradingCourse c, long studentId) {
        List<Map<String, Object>> students = (List<Map<String, Object>>) staff.get(c.base + "/grades/summary").get("students");
        return students.stream().filter(s -> Api.longOf(s, "studentId") == studentId).findFirst().orElseThrow();
    }

    @Test
    void a_removed_student_keeps_their_work_loses_access_and_gives_up_their_places_still_to_come() {
        GradingCourse c = new GradingCourse(instructor(), "RM 1", List.of(ANN, BEN));
        long ann = c.userId(ANN);
        long ben = c.userId(BEN);
        c.critique(1, 0, ann);                              // session 1 was yesterday: a late critique, kept
        c.takeRole(1, "Hacker", ann);                       // past: kept
        c.takeRole(2, "Peer Reviewer", ann);                // next week: released
        c.present(3, 0, ann, ben);                          // with a partner: Ben stays on the paper
        Api.Session annSession = api().login(ANN);
        assertEquals(200, annSession.http().exchange(annSession.authorize(io.micronaut.http.HttpRequest.GET(c.base)), Map.class).code());

        Map<String, Object> removed = c.instructor.delete(c.base + "/roster/" + ann).getBody(Map.class).orElseThrow();
        assertEquals(List.of("Peer Reviewer in session 2", "the presentation of “Paper 3A” in session 3"), removed.get("released"));

        problem(403, () -> annSession.get(c.base));
        problem(403, () -> annSession.get(c.base + "/critiques"));
        assertTrue(((List<?>) annSession.get("/api/me").get("courses")).stream().noneMatch(x -> Api.id((Map<String, ?>) x) == c.id),
                "the course is gone from their list");

        assertEquals(1, c.instructor.list(c.base + "/critiques?studentId=" + ann).size(), "the critique stays");
        Map<String, Object> annLine = line(c.instructor, c, ann);
        assertEquals(true, annLine.get("withdrawn"));
        assertEquals(1, Api.intOf(annLine, "critiquesAccepted"));
        assertEquals(1, Api.intOf(annLine, "rolesHeld"), "the past role stays, the one to come is released");
        assertEquals(false, line(c.instructor, c, ben).get("withdrawn"));
        Map<String, Object> entry = c.instructor.list(c.base + "/roster").stream().filter(r -> ANN.equals(r.get("email"))).findFirst().orElseThrow();
        assertEquals(true, entry.get("withdrawn"));

        // The released places are free for others; Ben still presents Paper 3A alone.
        c.takeRole(2, "Peer Reviewer", ben);
        assertTrue(c.instructor.list(c.base + "/signups/audit").stream().anyMatch(e -> String.valueOf(e.get("detail"))
                .startsWith("Student 1 no longer presents “Paper 3A” in session 3 (removed from the course)")));

        // Adding them again re-enrolls them, with their work.
        c.instructor.post(c.base + "/roster", Map.of("email", ANN));
        assertEquals(200, annSession.http().exchange(annSession.authorize(io.micronaut.http.HttpRequest.GET(c.base)), Map.class).code());
        assertEquals(1, annSession.list(c.base + "/critiques").size());
    }

    @Test
    void only_staff_remove_and_only_students_are_removed() {
        GradingCourse c = new GradingCourse(instructor(), "RM 2", List.of(ANN, BEN));
        problem(403, () -> api().login(BEN).delete(c.base + "/roster/" + c.userId(ANN)));
        long instructorId = c.userId("instructor@example.edu");
        Map<String, Object> p = problem(409, () -> c.instructor.delete(c.base + "/roster/" + instructorId));
        assertTrue(((String) p.get("detail")).contains("only students are removed"), p.toString());
        c.instructor.delete(c.base + "/roster/" + c.userId(ANN));
        problem(409, () -> c.instructor.delete(c.base + "/roster/" + c.userId(ANN)));
    }

    @Test
    void the_breakdown_lists_a_removed_student_as_withdrawn() throws Exception {
        GradingCourse c = new GradingCourse(instructor(), "RM 3", List.of(ANN, BEN));
        c.instructor.delete(c.base + "/roster/" + c.userId(ANN));
        var rows = GradebookExportTest.csv(c.instructor, c.base + "/grades/breakdown.csv", new String[1]);
        int column = rows.get(0).toList().indexOf("Enrollment");
        assertEquals("withdrawn", rows.stream().filter(r -> r.get(1).equals(ANN)).findFirst().orElseThrow().get(column));
        assertEquals("enrolled", rows.stream().filter(r -> r.get(1).equals(BEN)).findFirst().orElseThrow().get(column));
        assertFalse(Api.csv(c.instructor, c.base + "/roster/export").contains(ANN), "the roster export leaves them out");
    }
}
