package org.paperclub.course;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class CourseFileTest extends ApiTest {

    private static final String YAML = "application/yaml";

    static String smallCourse(String code) {
        return """
                format: paperclub-course/1
                course:
                  code: %s
                  title: Deep Generative Models
                  term: Spring 2026
                  timeZone: America/New_York
                policies:
                  critiquesRequired: 8
                roles:
                  - name: Peer Reviewer
                    description: Reviews the paper as a conference reviewer would.
                    capacity: 2
                papers:
                  - key: kingma2014
                    title: Auto-Encoding Variational Bayes
                    authors: Kingma and Welling
                    venue: ICLR
                    year: 2014
                  - key: ho2020
                    title: Denoising Diffusion Probabilistic Models
                    authors: Ho et al.
                    year: 2020
                    official: false
                sessions:
                  - number: 1
                    date: 2026-01-22
                    start: "11:40"
                    end: "12:55"
                    topic: Variational autoencoders
                    assigned: [kingma2014]
                    additional: [ho2020]
                  - number: 2
                    date: 2026-03-10
                    start: "11:40"
                    end: "12:55"
                    kind: NO_CLASS
                    topic: Spring break
                """.formatted(code);
    }

    @Test
    void export_import_export_gives_the_same_file() {
        Api.Session instructor = instructor();
        String first = instructor.text("/api/courses/1/export");
        assertTrue(first.contains("format: paperclub-course/1"), first.substring(0, 200));
        assertTrue(first.contains("kind: NO_CLASS"));
        String copy = first.replace("code: CMSC 848K", "code: CMSC 848K-COPY");
        HttpResponse<Map<String, Object>> imported = instructor.post("/api/courses/import", copy, YAML);
        assertEquals(201, imported.code());
        Object id = imported.body().get("id");
        String second = instructor.text("/api/courses/" + id + "/export");
        assertEquals(copy, second);
        // The importer is the new course's instructor; the schedule came along whole.
        assertEquals("INSTRUCTOR", imported.body().get("role"));
        assertEquals(instructor.list("/api/courses/1/sessions").size(), instructor.list("/api/courses/" + id + "/sessions").size());
    }

    @Test
    void presentation_slots_and_the_sign_up_opening_survive_the_round_trip() {
        Api.Session instructor = instructor();
        String cornell = instructor.text("/api/courses/2/export");
        assertTrue(cornell.contains("kind: PRESENTATION") && cornell.contains("presentationSlots: 2"), cornell.substring(0, 300));
        String copy = cornell.replace("code: CS 6785", "code: CS 6785-COPY")
                .replace("  signupFreezeHours: 48\n", "  signupFreezeHours: 48\n  signupOpensAt: 2024-01-29T09:00:00-05:00\n");
        Object id = instructor.post("/api/courses/import", copy, YAML).body().get("id");
        String again = instructor.text("/api/courses/" + id + "/export");
        assertTrue(again.contains("signupOpensAt: 2024-01-29T09:00:00-05:00") || again.contains("signupOpensAt: \"2024-01-29T09:00:00-05:00\""), again.substring(0, 600));
        assertEquals(again, instructor.text("/api/courses/" + instructor.post("/api/courses/import",
                again.replace("CS 6785-COPY", "CS 6785-COPY2"), YAML).body().get("id") + "/export").replace("CS 6785-COPY2", "CS 6785-COPY"));
    }

    @Test
    void a_course_file_in_json_is_accepted_and_exported_as_json() {
        Api.Session instructor = instructor();
        String json = instructor.text("/api/courses/1/export?format=json").replace("\"CMSC 848K\"", "\"CMSC 848K-JSON\"");
        HttpResponse<Map<String, Object>> imported = instructor.post("/api/courses/import", json, "application/json");
        assertEquals(201, imported.code());
        assertEquals(json, instructor.text("/api/courses/" + imported.body().get("id") + "/export?format=json"));
    }

    @Test
    void a_small_hand_written_file_takes_default_policies_where_it_says_nothing() {
        Api.Session instructor = instructor();
        Map<String, Object> course = instructor.post("/api/courses/import", smallCourse("CS 6785"), YAML).body();
        Map<?, ?> policies = (Map<?, ?>) course.get("policies");
        assertEquals(8, Api.intOf(policies, "critiquesRequired"));
        assertEquals(48, Api.intOf(policies, "signupFreezeHours"));
        List<Map<String, Object>> sessions = instructor.list("/api/courses/" + course.get("id") + "/sessions");
        assertEquals("NO_CLASS", sessions.get(1).get("kind"));
        assertEquals("2026-01-22T11:40:00-05:00", sessions.get(0).get("startsAt"));
        assertEquals("2026-03-10T11:40:00-04:00", sessions.get(1).get("startsAt"), "after the daylight-saving change");
    }

    @Test
    void a_syntax_error_names_its_line_and_nothing_is_created() {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        String broken = smallCourse("CS 1").replace("  title: Deep Generative Models", "  title: [Deep Generative Models");
        Map<String, Object> p = problem(400, () -> instructor.post("/api/courses/import", broken, YAML));
        assertTrue(((String) p.get("detail")).matches("(?s).*Line \\d+, column \\d+.*"), (String) p.get("detail"));
        assertEquals(before, instructor.list("/api/courses").size());
    }

    @Test
    void an_unknown_field_is_named_with_its_place() {
        String typo = smallCourse("CS 2").replace("    capacity: 2", "    capacty: 2");
        Map<String, Object> p = problem(400, () -> instructor().post("/api/courses/import", typo, YAML));
        Map<?, ?> error = (Map<?, ?>) ((List<?>) p.get("errors")).get(0);
        assertEquals("roles[0].capacty", error.get("field"));
        assertTrue(((String) error.get("message")).contains("\"capacty\" is not a field"), (String) error.get("message"));
        assertTrue(((String) p.get("detail")).contains("Line 12:"), (String) p.get("detail"));
    }

    @Test
    void every_rule_broken_in_a_file_is_reported_at_once_and_nothing_is_created() {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        String bad = smallCourse("CS 3")
                .replace("timeZone: America/New_York", "timeZone: America/Gotham")
                .replace("assigned: [kingma2014]", "assigned: [kingma2014, goodfellow2014]")
                .replace("end: \"12:55\"\n    topic: Variational", "end: \"10:00\"\n    topic: Variational")
                .replace("    capacity: 2", "    capacity: 5");
        Map<String, Object> p = problem(422, () -> instructor.post("/api/courses/import", bad, YAML));
        List<String> fields = ((List<?>) p.get("errors")).stream().map(e -> (String) ((Map<?, ?>) e).get("field")).toList();
        assertTrue(fields.containsAll(List.of("course.timeZone", "sessions[0].assigned[1]", "sessions[0].end", "roles[0].capacity")),
                fields.toString());
        assertTrue(((String) p.get("detail")).endsWith("nothing was imported."));
        assertEquals(before, instructor.list("/api/courses").size());
    }

    @Test
    void a_course_that_exists_is_not_imported_twice() {
        Api.Session instructor = instructor();
        assertEquals(201, instructor.post("/api/courses/import", smallCourse("CS 4"), YAML).code());
        problem(409, () -> instructor.post("/api/courses/import", smallCourse("CS 4"), YAML));
    }

    @Test
    void an_empty_or_wrong_typed_file_is_refused() {
        Api.Session instructor = instructor();
        problem(400, () -> instructor.post("/api/courses/import", " ", YAML));
        problem(400, () -> instructor.post("/api/courses/import", "- just\n- a list\n", YAML));
        Map<String, Object> p = problem(400, () -> instructor.post("/api/courses/import",
                smallCourse("CS 5").replace("date: 2026-01-22", "date: soon"), YAML));
        assertTrue(((String) p.get("detail")).contains("not a valid date"), (String) p.get("detail"));
    }

    @Test
    void only_course_creators_import_and_only_staff_export() {
        problem(403, () -> student().post("/api/courses/import", smallCourse("CS 6"), YAML));
        problem(403, () -> ta().post("/api/courses/import", smallCourse("CS 6"), YAML));
        problem(403, () -> student().text("/api/courses/1/export"));
        assertTrue(ta().text("/api/courses/1/export").contains("Machine Learning at Scale"));
    }
}
