package org.paperclub.people;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** Only instructors change who runs a course, and a course always keeps an instructor (by API and by CSV). */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class StaffRolesTest extends ApiTest {

    private int courses;

    private String roleOf(Api.Session staff, String roster, String email) {
        return staff.list(roster).stream().filter(r -> email.equals(r.get("email")))
                .map(r -> (String) r.get("role")).findFirst().orElse(null);
    }

    /** A new course of the instructor's own, with the demo TA as its TA; returns its roster path. */
    private String courseWithTa() {
        Map<String, Object> course = instructor().post("/api/courses", Map.of("code", "CS " + (++courses), "title", "Staff rules",
                "term", "Spring", "timeZone", "America/New_York")).body();
        String roster = "/api/courses/" + course.get("id") + "/roster";
        instructor().post(roster, Map.of("email", "ta@example.edu", "role", "TA"));
        instructor().post(roster, Map.of("email", "student1@example.edu"));
        return roster;
    }

    @Test
    void a_ta_cannot_demote_the_instructor_by_adding_them_as_a_student() {
        String roster = courseWithTa();
        Map<String, Object> p = problem(403, () -> ta().post(roster, Map.of("email", "instructor@example.edu", "role", "STUDENT")));
        assertTrue(((String) p.get("detail")).contains("Only instructors"), (String) p.get("detail"));
        assertEquals("INSTRUCTOR", roleOf(ta(), roster, "instructor@example.edu"));
    }

    @Test
    void a_ta_cannot_demote_the_instructor_or_themselves_by_csv() {
        String roster = courseWithTa();
        String csv = """
                email,name,role
                instructor@example.edu,The Instructor,student
                ta@example.edu,The TA,student
                """;
        Map<String, Object> p = problem(422, () -> ta().post(roster + "/import", csv, "text/csv"));
        List<String> lines = ((List<?>) p.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
        assertEquals(List.of("line 2", "line 3"), lines);
        assertEquals("INSTRUCTOR", roleOf(instructor(), roster, "instructor@example.edu"));
        assertEquals("TA", roleOf(instructor(), roster, "ta@example.edu"));
    }

    @Test
    void a_ta_still_adds_students_and_changes_a_students_section() {
        String roster = courseWithTa();
        assertEquals(201, ta().post(roster, Map.of("email", "student2@example.edu")).code());
        assertEquals(201, ta().post(roster, Map.of("email", "student1@example.edu", "section", "0102")).code());
        ta().post(roster + "/import", "email,role,section\nstudent3@example.edu,student,0101\nstudent1@example.edu,student,0103\n",
                "text/csv");
        assertEquals("STUDENT", roleOf(ta(), roster, "student3@example.edu"));
        assertTrue(ta().list(roster).stream().anyMatch(r -> "student1@example.edu".equals(r.get("email"))
                && "0103".equals(r.get("section"))));
    }

    @Test
    void a_ta_cannot_turn_a_student_into_staff_nor_staff_into_a_student() {
        String roster = courseWithTa();
        problem(403, () -> ta().post(roster, Map.of("email", "student1@example.edu", "role", "TA")));
        instructor().post(roster, Map.of("email", "student4@example.edu", "role", "TA"));
        problem(403, () -> ta().post(roster, Map.of("email", "student4@example.edu", "role", "STUDENT")));
        assertEquals("TA", roleOf(instructor(), roster, "student4@example.edu"));
        assertEquals("STUDENT", roleOf(instructor(), roster, "student1@example.edu"));
    }

    @Test
    void the_instructor_changes_staff_roles_by_api_and_by_csv() {
        String roster = courseWithTa();
        assertEquals(201, instructor().post(roster, Map.of("email", "ta@example.edu", "role", "STUDENT")).code());
        assertEquals("STUDENT", roleOf(instructor(), roster, "ta@example.edu"));
        instructor().post(roster + "/import", "email,role\nta@example.edu,ta\nstudent1@example.edu,instructor\n", "text/csv");
        assertEquals("TA", roleOf(instructor(), roster, "ta@example.edu"));
        assertEquals("INSTRUCTOR", roleOf(instructor(), roster, "student1@example.edu"));
    }

    @Test
    void the_last_instructor_cannot_be_demoted_by_api_nor_by_csv() {
        String roster = courseWithTa();
        Map<String, Object> p = problem(409, () -> instructor().post(roster, Map.of("email", "instructor@example.edu", "role", "TA")));
        assertTrue(((String) p.get("detail")).contains("at least one instructor"), (String) p.get("detail"));
        problem(409, () -> instructor().post(roster + "/import", "email,role\ninstructor@example.edu,student\n", "text/csv"));
        assertEquals("INSTRUCTOR", roleOf(instructor(), roster, "instructor@example.edu"));
        // With a second instructor named in the same file, stepping down is allowed.
        instructor().post(roster + "/import", "email,role\ninstructor@example.edu,ta\nstudent1@example.edu,instructor\n", "text/csv");
        assertEquals("TA", roleOf(student(1), roster, "instructor@example.edu"));
        assertEquals("INSTRUCTOR", roleOf(student(1), roster, "student1@example.edu"));
    }

    @Test
    void two_instructors_demoting_each_other_at_once_leave_one_instructor() throws Exception {
        Api.Session first = instructor();
        Api.Session second = student(5);
        // A few rounds: a race lost by chance in one round is won in another.
        for (int round = 0; round < 5; round++) {
            String roster = courseWithTa();
            instructor().post(roster, Map.of("email", "student5@example.edu", "role", "INSTRUCTOR"));
            List<Callable<Integer>> calls = List.of(
                    () -> first.post(roster, Map.of("email", "student5@example.edu", "role", "STUDENT")).code(),
                    () -> second.post(roster, Map.of("email", "instructor@example.edu", "role", "STUDENT")).code());
            List<Integer> codes = Race.run(calls, 2);
            assertTrue(codes.contains(201), codes.toString());
            // The loser either hits the rule (409) or was already demoted by the winner (403).
            assertTrue(codes.contains(409) || codes.contains(403), codes.toString());
            assertEquals(1, countInstructors(roster), codes.toString());
        }
    }

    private long countInstructors(String roster) {
        try (var c = jdbc(); var s = c.prepareStatement("select count(*) from enrollment where course_id = ? and role = 'INSTRUCTOR'")) {
            s.setLong(1, Long.parseLong(roster.split("/")[3]));
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
