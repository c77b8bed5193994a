package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A policy the schedule cannot meet is not refused (staff may be half-way through building the term), but staff are
 * warned: when they read the course and in the answer to saving its policies. Students never see the warnings.
 */
@MicronautTest
class PolicyWarningsTest extends ApiTest {

    /** A small course: its policies, roles and sessions given as YAML lines. */
    static String course(String code, String policies, String roles, String sessions) {
        return """
                format: paperclub-course/1
                course: {code: %s, title: Warnings, term: Spring 2027, timeZone: UTC}
                policies: {%s}
                roles: [%s]
                papers:
                  - {key: p1, title: Paper 1}
                  - {key: p2, title: Paper 2}
                sessions:
                %s""".formatted(code, policies, roles, sessions);
    }

    static final String LECTURES = """
              - {number: 1, date: 2027-03-01, start: "10:00", end: "11:00", kind: LECTURE, topic: One, assigned: [p1]}
              - {number: 2, date: 2027-03-03, start: "10:00", end: "11:00", kind: LECTURE, topic: Two, assigned: [p2]}
            """;
    static final String ONE_PRESENTATION = """
              - {number: 1, date: 2027-03-01, start: "10:00", end: "11:00", kind: PRESENTATION, topic: One, presentationSlots: 1, assigned: [p1, p2]}
            """;
    static final String SCRIBE = "{name: Scribe, description: Takes the notes., capacity: 1}";

    long importCourse(Api.Session instructor, String yaml) {
        return Api.id(instructor.post("/api/courses/import", yaml, "application/yaml").body());
    }

    static List<Map<String, Object>> warnings(Map<String, Object> course) {
        return Api.listOf(course, "warnings");
    }

    static Map<String, Object> warning(Map<String, Object> course, String field) {
        return warnings(course).stream().filter(w -> field.equals(w.get("field"))).findFirst()
                .orElseThrow(() -> new AssertionError("no warning about " + field + ": " + warnings(course)));
    }

    static boolean warns(Map<String, Object> course, String field) {
        return warnings(course).stream().anyMatch(w -> field.equals(w.get("field")));
    }

    @Test
    void a_required_presentation_without_any_presentation_slot_is_warned_about() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 1", "critiquesRequired: 0", "", LECTURES));
        Map<String, Object> w = warning(instructor.get("/api/courses/" + id), "presentationsPerStudent");
        assertEquals("Each student must present once, but no session has presentation slots: nobody can sign up to present.",
                w.get("message"));
    }

    @Test
    void fewer_presentation_places_than_students_need_are_warned_about() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 2", "critiquesRequired: 0, maxTeamSize: 2", SCRIBE, ONE_PRESENTATION));
        for (int i = 1; i <= 2; i++) {
            instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student" + i + "@example.edu"));
        }
        assertTrue(!warns(instructor.get("/api/courses/" + id), "presentationsPerStudent"), "one slot for a team of two is enough for two");
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student3@example.edu"));
        assertEquals("Each of the 3 students must present once, but the 1 presentation slot holds at most 2 presenters"
                        + " (teams of up to 2): add sessions with slots or more slots.",
                warning(instructor.get("/api/courses/" + id), "presentationsPerStudent").get("message"));
    }

    @Test
    void more_critiques_required_than_sessions_with_assigned_papers_allow_are_warned_about() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 3", "critiquesRequired: 3, presentationsPerStudent: 0", "", LECTURES));
        assertEquals("Each student must hand in 3 critiques, but the held sessions with assigned papers allow at most 2"
                        + " (1 per session).",
                warning(instructor.get("/api/courses/" + id), "critiquesRequired").get("message"));
    }

    @Test
    void roles_without_any_presentation_session_are_warned_about() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 4", "critiquesRequired: 0, presentationsPerStudent: 0", SCRIBE, LECTURES));
        assertEquals("The course has 1 supporting role, but no held presentation session to play it in.",
                warning(instructor.get("/api/courses/" + id), "roles").get("message"));
    }

    @Test
    void a_weight_on_roles_in_a_course_without_roles_is_warned_about() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 5", "critiquesRequired: 0", "", ONE_PRESENTATION));
        assertEquals("Supporting roles weigh 50 in the participation grade, but the course has no roles: that weight is left out"
                        + " and the other components make up the grade.",
                warning(instructor.get("/api/courses/" + id), "grading.weights.roles").get("message"));
    }

    @Test
    void students_who_can_no_longer_reach_the_required_critiques_in_the_sessions_left_are_warned_about() {
        Api.Session instructor = instructor();
        String twoPastOneAhead = """
                  - {number: 1, date: 2021-03-01, start: "10:00", end: "11:00", kind: LECTURE, topic: One, assigned: [p1]}
                  - {number: 2, date: 2021-03-03, start: "10:00", end: "11:00", kind: LECTURE, topic: Two, assigned: [p2]}
                  - {number: 3, date: 2031-03-03, start: "10:00", end: "11:00", kind: LECTURE, topic: Three, assigned: [p1]}
                """;
        long id = importCourse(instructor, course("W 7", "critiquesRequired: 3, presentationsPerStudent: 0", "", twoPastOneAhead));
        assertTrue(!warns(instructor.get("/api/courses/" + id), "critiquesRequired"), "nobody to fall behind yet");
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student1@example.edu"));
        assertEquals("1 student can no longer hand in the 3 critiques required: the held sessions still ahead allow only 1 more"
                        + " (1 session left).",
                warning(instructor.get("/api/courses/" + id), "critiquesRequired").get("message"));
    }

    @Test
    void grace_per_critique_beyond_the_cut_off_is_warned_about_and_the_course_is_still_saved() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 8", "critiquesRequired: 0, presentationsPerStudent: 0, "
                + "latePolicy: {accepted: true, grace: {unit: DAYS, budget: 5, maxPerItem: 3}, cutoffHours: 48}", "", LECTURES));
        assertEquals("One critique may spend up to 3 days of grace, but the cut-off refuses anything 48 hours after the deadline:"
                        + " grace beyond that can never be spent. Lower the grace per critique or move the cut-off.",
                warning(instructor.get("/api/courses/" + id), "latePolicy.grace").get("message"));
        long fine = importCourse(instructor, course("W 9", "critiquesRequired: 0, presentationsPerStudent: 0, "
                + "latePolicy: {accepted: true, grace: {unit: DAYS, budget: 5, maxPerItem: 2}, cutoffHours: 48}", "", LECTURES));
        assertTrue(!warns(instructor.get("/api/courses/" + fine), "latePolicy.grace"));
    }

    @Test
    void saving_the_policies_answers_with_the_warnings_and_students_never_see_them() {
        Api.Session instructor = instructor();
        long id = importCourse(instructor, course("W 6", "critiquesRequired: 0", SCRIBE, LECTURES));
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student1@example.edu"));
        Map<String, Object> course = instructor.get("/api/courses/" + id);
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        policies.put("critiquesRequired", 5);
        Map<String, Object> saved = instructor.put("/api/courses/" + id, Map.of("code", course.get("code"), "title", course.get("title"),
                "term", course.get("term"), "timeZone", course.get("timeZone"), "policies", policies)).body();
        assertEquals(5, Api.intOf(Api.mapOf(saved, "policies"), "critiquesRequired"), "saved, not refused");
        assertTrue(warns(saved, "critiquesRequired") && warns(saved, "presentationsPerStudent") && warns(saved, "roles"), saved.toString());
        assertEquals(List.of(), warnings(student(1).get("/api/courses/" + id)));
    }

    @Test
    void the_umd_board_asks_its_students_for_nothing_they_cannot_do() {
        Map<String, Object> board = student(1).get("/api/courses/1/signups/board");
        Map<?, ?> mine = (Map<?, ?>) board.get("mine");
        assertEquals(0, Api.intOf(mine, "presentationsRequired"), "the syllabus has no student presentations");
        assertEquals(List.of(), mine.get("blocksMissingRole"));
        assertEquals(List.of(), board.get("roles"));
        assertEquals(0, Api.intOf(ta().get("/api/courses/1/signups/coverage"), "studentsWithoutPresentation"));
    }

    @Test
    void the_demo_courses_ask_only_what_their_schedules_allow() {
        assertEquals(List.of(), warnings(instructor().get("/api/courses/1")), "UMD");
        assertEquals(List.of(), warnings(instructor().get("/api/courses/2")), "Cornell");
    }
}
