package org.paperclub.course;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** A course file says one thing once: a repeated key or a second YAML document is refused, naming its line. */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CourseFileStrictnessTest extends ApiTest {

    private static final String IMPORT = "/api/courses/import";

    private static void says(Map<String, Object> problem, String words) {
        String all = problem.get("detail") + " " + problem.get("errors");
        assertTrue(all.contains(words), () -> "expected \"" + words + "\" in " + all);
    }

    private Map<String, Object> refused(String text, String contentType) {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        Map<String, Object> p = problem(400, () -> instructor.post(IMPORT, text, contentType));
        assertEquals(before, instructor.list("/api/courses").size(), "nothing was imported");
        return p;
    }

    @Test
    void a_key_repeated_in_yaml_is_refused_naming_its_line() {
        Map<String, Object> p = refused("""
                format: paperclub-course/1
                course:
                  code: CS 1
                  title: First title
                  term: Fall 2026
                  title: Second title
                  timeZone: America/New_York
                """, "application/yaml");
        says(p, "Line 6");
        says(p, "\"title\"");
    }

    @Test
    void a_key_repeated_in_json_is_refused_naming_its_line() {
        Map<String, Object> p = refused("""
                {"format": "paperclub-course/1",
                 "course": {"code": "CS 2", "title": "A", "term": "Fall 2026", "timeZone": "America/New_York"},
                 "papers": [{"key": "p1", "title": "One", "title": "Two"}]}
                """, "application/json");
        says(p, "Line 3");
        says(p, "\"title\"");
    }

    @Test
    void a_second_yaml_document_is_refused_naming_its_line() {
        Map<String, Object> p = refused("""
                format: paperclub-course/1
                course: {code: CS 3, title: A, term: Fall 2026, timeZone: America/New_York}
                ---
                format: paperclub-course/1
                course: {code: CS 4, title: B, term: Fall 2026, timeZone: America/New_York}
                """, "application/yaml");
        says(p, "Line 4");
        says(p, "one document");
    }

    @Test
    void text_after_a_json_course_file_is_refused() {
        says(refused("""
                {"format": "paperclub-course/1",
                 "course": {"code": "CS 5", "title": "A", "term": "Fall 2026", "timeZone": "America/New_York"}}
                {"format": "paperclub-course/1"}
                """, "application/json"), "Line 3");
    }

    @Test
    void a_file_that_ends_with_a_document_marker_is_still_one_document() {
        assertEquals(201, instructor().post(IMPORT, """
                ---
                format: paperclub-course/1
                course: {code: CS 6, title: A, term: Fall 2026, timeZone: America/New_York}
                ...
                """, "application/yaml").code());
    }
}
