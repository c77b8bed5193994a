package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.paperclub.support.Api.problem;

/**
 * A course file is checked by the rules of the API's commands, not by rules of its own: the same input is refused by
 * both, with the same sentence, and a file with any of it creates nothing.
 */
@MicronautTest
class CourseFileRulesTest extends ApiTest {

    private static final String IMPORT = "/api/courses/import";
    private static final String YAML = "application/yaml";

    /** The message the problem gives for the field. */
    private static String messageFor(Map<String, Object> problem, String field) {
        List<?> errors = (List<?>) problem.get("errors");
        return errors.stream().map(e -> (Map<?, ?>) e).filter(e -> field.equals(e.get("field")))
                .map(e -> (String) e.get("message")).findFirst()
                .orElseThrow(() -> new AssertionError("no error for " + field + " in " + errors));
    }

    /** The file is refused with 422, nothing is created, and the message for the field is returned. */
    private String refusedFile(String file, String field) {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        Map<String, Object> p = problem(422, () -> instructor.post(IMPORT, file, YAML));
        assertEquals(before, instructor.list("/api/courses").size(), "nothing was imported");
        return messageFor(p, field);
    }

    @Test
    void a_role_with_three_seats_is_refused_by_the_api_and_by_a_course_file_with_the_same_sentence() {
        String api = messageFor(problem(400, () -> instructor().post("/api/courses/1/roles",
                Map.of("name", "Crowd", "description", "Too many.", "capacity", 3))), "capacity");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 1").replace("    capacity: 2", "    capacity: 3"),
                "roles[0].capacity");
        assertEquals(api, file);
        assertEquals("must be 1 or 2", file);
    }

    @Test
    void a_session_that_ends_before_it_starts_is_refused_by_both_with_the_same_sentence() {
        Map<String, Object> backwards = new HashMap<>(ScheduleTest.guestLecture());
        backwards.put("endTime", "13:00");
        String api = messageFor(problem(422, () -> ta().post("/api/courses/1/sessions", backwards)), "endTime");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 2").replaceFirst("end: \"12:55\"", "end: \"10:00\""),
                "sessions[0].end");
        assertEquals(api, file);
    }

    @Test
    void a_topic_longer_than_the_api_allows_is_refused_by_a_course_file_too() {
        String topic = "Diffusion ".repeat(31).trim();
        Map<String, Object> session = new HashMap<>(ScheduleTest.guestLecture());
        session.put("topic", topic);
        String api = messageFor(problem(400, () -> ta().post("/api/courses/1/sessions", session)), "topic");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 3").replace("topic: Variational autoencoders", "topic: " + topic),
                "sessions[0].topic");
        assertEquals(api, file);
    }

    @Test
    void a_paper_year_out_of_range_is_refused_by_both_with_the_same_sentence() {
        Map<String, Object> paper = new HashMap<>(ScheduleTest.flashAttention());
        paper.put("year", 1400);
        String api = messageFor(problem(400, () -> ta().post("/api/courses/1/papers", paper)), "year");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 4").replace("year: 2014", "year: 1400"), "papers[0].year");
        assertEquals(api, file);
        assertFalse(file.isBlank());
    }

    @Test
    void teams_smaller_than_their_smallest_size_are_refused_by_both_with_the_same_sentence() {
        Map<String, Object> course = instructor().get("/api/courses/1");
        Map<String, Object> policies = new HashMap<>((Map<String, Object>) course.get("policies"));
        policies.put("minTeamSize", 3);
        policies.put("maxTeamSize", 2);
        Map<String, Object> update = Map.of("code", course.get("code"), "title", course.get("title"), "term", course.get("term"),
                "timeZone", course.get("timeZone"), "policies", policies);
        String api = messageFor(problem(422, () -> instructor().put("/api/courses/1", update)), "policies.maxTeamSize");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 5").replace("  critiquesRequired: 8",
                "  critiquesRequired: 8\n  minTeamSize: 3\n  maxTeamSize: 2"), "policies.maxTeamSize");
        assertEquals(api, file);
    }

    @Test
    void an_unknown_time_zone_is_refused_by_both_with_the_same_sentence() {
        Map<String, Object> course = instructor().get("/api/courses/1");
        Map<String, Object> update = Map.of("code", course.get("code"), "title", course.get("title"), "term", course.get("term"),
                "timeZone", "America/Gotham");
        String api = messageFor(problem(422, () -> instructor().put("/api/courses/1", update)), "timeZone");
        String file = refusedFile(CourseFileTest.smallCourse("RULES 6").replace("America/New_York", "America/Gotham"),
                "course.timeZone");
        assertEquals(api, file);
    }
}
