package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Next term's course starts as a copy of this one: its policies, roles, papers and schedule, with the dates moved so
 * that each session keeps its weekday; no students and no work.
 */
@MicronautTest
class CourseCopyTest extends ApiTest {

    static final long CORNELL = 2;

    static Map<String, Object> copy(String code, String firstDay, String breaks, boolean tas) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "term", "Spring 2027", "firstDay", firstDay, "carryTas", tas));
        if (breaks != null) {
            body.put("breaks", breaks);
        }
        return body;
    }

    static List<Map<String, Object>> sessions(Api.Session who, long courseId) {
        return who.list("/api/courses/" + courseId + "/sessions");
    }

    static LocalDate date(Map<String, Object> session) {
        return LocalDate.parse((String) session.get("date"));
    }

    @Test
    void a_copied_course_meets_on_the_same_weekdays_in_the_new_term_with_its_papers_roles_and_policies() {
        Api.Session instructor = instructor();
        List<Map<String, Object>> old = sessions(instructor, CORNELL);
        Map<String, Object> copy = instructor.post("/api/courses/" + CORNELL + "/copy", copy("CS 6785", "2027-01-25", "KEEP", false)).body();
        long id = Api.id(copy);
        assertEquals("INSTRUCTOR", copy.get("role"));
        assertEquals("Spring 2027", copy.get("term"));
        List<Map<String, Object>> moved = sessions(instructor, id);
        assertEquals(old.size(), moved.size(), "breaks kept: every session is there");
        assertEquals(LocalDate.of(2027, 1, 25), date(moved.get(0)), "the first class is on the new first day (a Monday, as before)");
        for (int i = 0; i < old.size(); i++) {
            assertEquals(date(old.get(i)).getDayOfWeek(), date(moved.get(i)).getDayOfWeek(), "session " + (i + 1) + " keeps its weekday");
            assertEquals(old.get(i).get("topic"), moved.get(i).get("topic"));
            assertEquals(old.get(i).get("kind"), moved.get(i).get("kind"));
            assertEquals(((List<?>) old.get(i).get("readings")).size(), ((List<?>) moved.get(i).get("readings")).size());
        }
        Map<String, Object> oldCourse = instructor.get("/api/courses/" + CORNELL);
        assertEquals(oldCourse.get("policies"), instructor.get("/api/courses/" + id).get("policies"));
        assertEquals(instructor.list("/api/courses/" + CORNELL + "/roles").size(), instructor.list("/api/courses/" + id + "/roles").size());
        assertEquals(instructor.list("/api/courses/" + CORNELL + "/papers").size(), instructor.list("/api/courses/" + id + "/papers").size());
    }

    @Test
    void a_copy_has_no_students_and_carries_the_tas_only_when_asked() {
        Api.Session instructor = instructor();
        long without = Api.id(instructor.post("/api/courses/" + CORNELL + "/copy", copy("CS 6785A", "2027-01-25", null, false)).body());
        List<Map<String, Object>> roster = instructor.list("/api/courses/" + without + "/roster");
        assertEquals(1, roster.size(), "only the copier: " + roster);
        assertEquals("instructor@example.edu", roster.get(0).get("email"));
        long with = Api.id(instructor.post("/api/courses/" + CORNELL + "/copy", copy("CS 6785B", "2027-01-25", null, true)).body());
        assertTrue(instructor.list("/api/courses/" + with + "/roster").stream()
                .anyMatch(p -> "ta@example.edu".equals(p.get("email")) && "TA".equals(p.get("role"))));
        assertFalse(instructor.list("/api/courses/" + with + "/roster").stream().anyMatch(p -> "STUDENT".equals(p.get("role"))));
    }

    @Test
    void breaks_left_out_are_not_copied_and_the_sessions_are_numbered_without_gaps() {
        Api.Session instructor = instructor();
        List<Map<String, Object>> old = sessions(instructor, CORNELL);
        long breaks = old.stream().filter(s -> "NO_CLASS".equals(s.get("kind"))).count();
        assertTrue(breaks > 0, "the demo term has breaks");
        long id = Api.id(instructor.post("/api/courses/" + CORNELL + "/copy", copy("CS 6785C", "2027-01-25", "LEAVE_OUT", false)).body());
        List<Map<String, Object>> moved = sessions(instructor, id);
        assertEquals(old.size() - breaks, moved.size());
        assertTrue(moved.stream().noneMatch(s -> "NO_CLASS".equals(s.get("kind"))));
        for (int i = 0; i < moved.size(); i++) {
            assertEquals(i + 1, Api.intOf(moved.get(i), "number"));
        }
    }

    @Test
    void a_copy_under_a_code_and_term_already_taken_is_refused_and_nothing_is_made() {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        Map<String, Object> course = instructor.get("/api/courses/" + CORNELL);
        Map<String, Object> body = copy((String) course.get("code"), "2027-01-25", null, false);
        body.put("term", course.get("term"));
        problem(409, () -> instructor.post("/api/courses/" + CORNELL + "/copy", body));
        assertEquals(before, instructor.list("/api/courses").size());
    }

    @Test
    void only_the_courses_instructors_may_copy_it() {
        Map<String, Object> p = problem(403, () -> ta().post("/api/courses/" + CORNELL + "/copy", copy("X 1", "2027-01-25", null, false)));
        assertTrue(((String) p.get("detail")).contains("Only the instructors"));
        problem(403, () -> student().post("/api/courses/" + CORNELL + "/copy", copy("X 1", "2027-01-25", null, false)));
    }

    @Test
    void a_copy_without_a_first_day_is_refused_with_the_field_named() {
        Map<String, Object> body = new HashMap<>(Map.of("code", "X 2", "term", "Spring 2027"));
        Map<String, Object> p = problem(400, () -> instructor().post("/api/courses/" + CORNELL + "/copy", body));
        assertTrue(p.toString().contains("firstDay"), p.toString());
    }

    @Test
    void a_course_file_imported_with_a_new_first_day_moves_its_sessions_to_that_term() {
        Api.Session instructor = instructor();
        String yaml = CourseFileTest.smallCourse("CS 1");
        // The file's first class is Thursday 22 January 2026; the new term starts Monday 18 January 2027.
        long id = Api.id(instructor.post("/api/courses/import?firstDay=2027-01-18", yaml, "application/yaml").body());
        List<Map<String, Object>> moved = sessions(instructor, id);
        assertEquals(LocalDate.of(2027, 1, 21), date(moved.get(0)), "Thursday of the week of the new first day");
        assertEquals(LocalDate.of(2026, 3, 10).getDayOfWeek(), date(moved.get(1)).getDayOfWeek());
        long plain = Api.id(instructor.post("/api/courses/import", CourseFileTest.smallCourse("CS 2"), "application/yaml").body());
        assertEquals(LocalDate.of(2026, 1, 22), date(sessions(instructor, plain).get(0)), "without a first day the dates stay");
    }

    @Test
    void a_course_file_names_its_grade_components_and_a_copy_keeps_the_names() {
        Api.Session instructor = instructor();
        String yaml = CourseFileTest.smallCourse("CS 3").replace("  critiquesRequired: 8\n", """
                  critiquesRequired: 8
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale: {type: POINTS, max: 3}
                    critiqueScale: {type: POINTS, max: 3}
                    weights: {presentation: 40, roles: 0, critiques: 60}
                    missing: EXCLUDED
                    regradeWindowDays: 7
                    names: {presentation: In-class Presentation, critiques: Reading and Review}
                """);
        long id = Api.id(instructor.post("/api/courses/import", yaml, "application/yaml").body());
        assertTrue(instructor.text("/api/courses/" + id + "/export").contains("names:"), "the export carries the names");
        long copy = Api.id(instructor.post("/api/courses/" + id + "/copy", copy("CS 3", "2027-01-18", null, false)).body());
        Map<?, ?> grading = (Map<?, ?>) ((Map<?, ?>) instructor.get("/api/courses/" + copy).get("policies")).get("grading");
        assertEquals("In-class Presentation", ((Map<?, ?>) grading.get("names")).get("presentation"));
        assertEquals("Reading and Review", ((Map<?, ?>) grading.get("names")).get("critiques"));
    }

    @Test
    void a_component_name_that_is_not_one_line_is_refused_with_the_field_named() {
        String yaml = CourseFileTest.smallCourse("CS 4").replace("  critiquesRequired: 8\n", """
                  critiquesRequired: 8
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale: {type: POINTS, max: 3}
                    critiqueScale: {type: POINTS, max: 3}
                    weights: {presentation: 40, roles: 0, critiques: 60}
                    missing: EXCLUDED
                    regradeWindowDays: 7
                    names: {presentation: "Two\\nlines"}
                """);
        Map<String, Object> p = problem(422, () -> instructor().post("/api/courses/import", yaml, "application/yaml"));
        assertTrue(p.toString().contains("policies.grading"), p.toString());
    }
}
