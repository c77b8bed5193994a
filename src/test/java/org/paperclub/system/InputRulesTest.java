package org.paperclub.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Dates are real and in a sensible range (2000-2100), and text holds no control characters or broken characters
 * (free text keeps its line breaks), by the API (400, like every failed field check) and by course file (422, with
 * every error of the file) alike; a refused request stores nothing.
 */
@MicronautTest
class InputRulesTest extends ApiTest {

    private static final String SESSIONS = "/api/courses/1/sessions";
    private static final String PAPERS = "/api/courses/1/papers";
    private static final String JSON = "application/json";

    private static String session(String date, String topic) {
        return "{\"date\":\"" + date + "\",\"startTime\":\"14:00\",\"endTime\":\"15:15\",\"topic\":\"" + topic + "\"}";
    }

    private static String courseFile(String code, String date, String title) {
        return """
                format: paperclub-course/1
                course: {code: %s, title: Input Rules, term: Fall 2026, timeZone: America/New_York}
                papers:
                  - {key: p1, title: "%s"}
                sessions:
                  - {number: 1, date: %s, start: "10:00", end: "11:15", topic: One, assigned: [p1]}
                """.formatted(code, title, date);
    }

    private static void names(Map<String, Object> problem, String field, String words) {
        List<Map<String, Object>> errors = Api.listOf(problem, "errors");
        assertTrue(errors.stream().anyMatch(e -> field.equals(e.get("field")) && ((String) e.get("message")).contains(words)),
                () -> "expected " + field + " \"" + words + "\" in " + errors);
    }

    @Test
    void a_session_on_an_impossible_or_far_date_is_refused_and_not_stored() {
        Api.Session ta = ta();
        int before = ta.list(SESSIONS).size();
        for (String date : List.of("-0001-01-01", "0000-01-01", "1999-12-31", "2101-01-01", "+57443-12-30")) {
            Map<String, Object> p = problem(400, () -> ta.post(SESSIONS, session(date, "Guest"), JSON));
            names(p, "date", "from 2000-01-01 to 2100-12-31");
        }
        assertEquals(201, ta.post(SESSIONS, session("2100-12-31", "Last lecture of the century"), JSON).code());
        assertEquals(before + 1, ta.list(SESSIONS).size(), "only the real date was stored");
    }

    @Test
    void a_course_file_with_an_impossible_date_is_refused_naming_the_session() {
        Api.Session instructor = instructor();
        int before = instructor.list("/api/courses").size();
        for (String date : List.of("-0001-01-01", "0000-01-01", "20261230")) {
            Map<String, Object> p = problem(422, () -> instructor.post("/api/courses/import", courseFile("IR 1", date, "A paper"),
                    "application/yaml"));
            names(p, "sessions[0].date", "from 2000-01-01 to 2100-12-31");
        }
        assertEquals(before, instructor.list("/api/courses").size(), "no course was created");
    }

    @Test
    void a_sign_up_opening_time_outside_the_range_is_refused() {
        Map<String, Object> course = instructor().get("/api/courses/1");
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        policies.put("signupOpensAt", "0000-01-01T00:00:00Z");
        Map<String, Object> update = Map.of("code", course.get("code"), "title", course.get("title"), "term", course.get("term"),
                "timeZone", course.get("timeZone"), "policies", policies);
        names(problem(400, () -> instructor().put("/api/courses/1", update)), "signupOpensAt", "from 2000-01-01");
        assertEquals(null, Api.mapOf(instructor().get("/api/courses/1"), "policies").get("signupOpensAt"));
    }

    @Test
    void control_characters_and_lone_surrogates_in_titles_topics_and_names_are_refused_and_not_stored() {
        Api.Session ta = ta();
        int sessions = ta.list(SESSIONS).size();
        int papers = ta.list(PAPERS).size();
        names(problem(400, () -> ta.post(SESSIONS, session("2026-12-14", "Guest\\u0000lecture"), JSON)), "topic", "control characters");
        names(problem(400, () -> ta.post(SESSIONS, session("2026-12-14", "Two\\nlines"), JSON)), "topic", "line breaks");
        names(problem(400, () -> ta.post(SESSIONS, session("2026-12-14", "Broken \\ud800 char"), JSON)), "topic", "surrogate");
        names(problem(400, () -> ta.post(PAPERS, "{\"title\":\"Attention\\u001b[31m\"}", JSON)), "title", "U+001B");
        names(problem(400, () -> ta.post(PAPERS, "{\"title\":\"Attention\",\"authors\":\"Vaswani\\u0085\"}", JSON)), "authors", "U+0085");
        assertEquals(sessions, ta.list(SESSIONS).size());
        assertEquals(papers, ta.list(PAPERS).size());

        names(problem(400, () -> ta.post("/api/courses/1/roster", "{\"email\":\"new@example.edu\",\"name\":\"Ann\\u0000Lee\"}", JSON)),
                "name", "control characters");
        Map<String, Object> csv = problem(422, () -> ta.post("/api/courses/1/roster/import",
                "email,name\nann@example.edu,Ann\u0007Lee\n", "text/csv"));
        assertTrue(csv.get("errors").toString().contains("line 2"), csv.toString());
        assertTrue(ta.list("/api/courses/1/roster").stream().noneMatch(r -> String.valueOf(r.get("email")).startsWith("ann@")
                || String.valueOf(r.get("email")).startsWith("new@")), "nobody was added");

        Map<String, Object> file = problem(422, () -> instructor().post("/api/courses/import",
                courseFile("IR 2", "2026-09-01", "Title with \\0 NUL"), "application/yaml"));
        names(file, "papers[0].title", "control characters");
        Map<String, Object> marks = problem(422, () -> instructor().post("/api/courses/import", courseFile("IR 3", "2026-09-01", "Fine")
                + """
                policies:
                  grading:
                    presentationScale: {type: POINTS, max: 10}
                    roleScale: {type: MARKS, marks: [{label: "ok\\bad", points: 1}]}
                    critiqueScale: {type: POINTS, max: 4}
                    weights: {presentation: 50, roles: 50, critiques: 0}
                    missing: ZERO
                    regradeWindowDays: 7
                """, "application/yaml"));
        names(marks, "policies.grading", "control characters");
    }

    @Test
    void free_text_keeps_its_line_breaks_but_not_other_control_characters() {
        Api.Session instructor = instructor();
        assertEquals(201, instructor.post("/api/courses/1/roles",
                "{\"name\":\"Scribe\",\"description\":\"Takes notes.\\r\\nShares them\\tafter class.\",\"capacity\":1}", JSON).code());
        names(problem(400, () -> instructor.post("/api/courses/1/roles",
                "{\"name\":\"Bell\",\"description\":\"Rings\\u0007\",\"capacity\":1}", JSON)), "description", "other than line breaks");
        long session = Api.id(instructor.list(SESSIONS).get(0));
        names(problem(400, () -> instructor.put("/api/courses/1/grades/roles/" + session + "/1",
                Map.of("mark", "✓", "comment", "Good\u0000"))), "comment", "control characters");
    }
}
