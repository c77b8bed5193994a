package org.paperclub.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
 * Request bodies are read strictly: what a lenient reader would guess at (trailing text, a number for a string,
 * "yes" for a boolean, a fraction or a one-element list for a whole number, an unknown field) is a 400 that names
 * the field, and nothing is stored.
 */
@MicronautTest
class StrictJsonTest extends ApiTest {

    private static final String SESSIONS = "/api/courses/1/sessions";
    private static final String PAPERS = "/api/courses/1/papers";

    private static final String LECTURE = "\"date\":\"2026-12-14\",\"startTime\":\"14:00\",\"endTime\":\"15:15\"";

    private Map<String, Object> refused(Api.Session who, String method, String path, String json) {
        return problem(400, () -> who.http().exchange(who.authorize(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path)
                .body(json).contentType(MediaType.APPLICATION_JSON_TYPE))));
    }

    private static void names(Map<String, Object> problem, String field) {
        String all = problem.get("detail") + " " + problem.get("errors");
        assertTrue(all.contains(field), () -> "the answer names " + field + ": " + all);
    }

    @Test
    void a_session_with_a_wrong_typed_field_trailing_text_or_an_unknown_field_is_refused_and_not_stored() {
        Api.Session ta = ta();
        int before = ta.list(SESSIONS).size();
        names(refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":42}"), "topic");
        names(refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":true}"), "topic");
        names(refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\",\"number\":20.5}"), "number");
        names(refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\",\"number\":[30]}"), "number");
        names(refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\",\"room\":\"Iribe 0318\"}"), "room");
        names(refused(ta, "POST", SESSIONS, "{\"date\":20261230,\"startTime\":\"14:00\",\"endTime\":\"15:15\",\"topic\":\"Guest\"}"), "date");
        refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\"}garbage");
        refused(ta, "POST", SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\"} {\"topic\":\"Other\"}");
        assertEquals(before, ta.list(SESSIONS).size(), "nothing was stored");
    }

    @Test
    void a_paper_with_yes_for_a_boolean_or_a_fraction_for_a_year_is_refused_and_not_stored() {
        Api.Session ta = ta();
        int before = ta.list(PAPERS).size();
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"official\":\"yes\"}"), "official");
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"official\":1}"), "official");
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"year\":2020.5}"), "year");
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"year\":[2020]}"), "year");
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"year\":\"2020\"}"), "year");
        names(refused(ta, "POST", PAPERS, "{\"title\":[\"A\"]}"), "title");
        names(refused(ta, "POST", PAPERS, "{\"title\":\"A\",\"yaer\":2020}"), "yaer");
        refused(ta, "POST", PAPERS, "{\"title\":\"a\"}garbage");
        assertEquals(before, ta.list(PAPERS).size(), "nothing was stored");
    }

    @Test
    void a_grade_with_text_for_points_or_an_unknown_field_is_refused_and_not_stored() {
        Api.Session instructor = instructor();
        long session = Api.id(instructor.list(SESSIONS).get(0));
        long role = Api.id(instructor.post("/api/courses/1/roles", Map.of("name", "Strict Reader", "description", "Implements it.",
                "capacity", 1)).body());
        String grade = "/api/courses/1/grades/roles/" + session + "/" + role;
        names(refused(instructor, "PUT", grade, "{\"points\":\"2\"}"), "points");
        names(refused(instructor, "PUT", grade, "{\"points\":[2]}"), "points");
        names(refused(instructor, "PUT", grade, "{\"points\":2,\"studentId\":1.5}"), "studentId");
        names(refused(instructor, "PUT", grade, "{\"mark\":3}"), "mark");
        names(refused(instructor, "PUT", grade, "{\"points\":2,\"note\":\"good\"}"), "note");
        refused(instructor, "PUT", grade, "{\"points\":2}]");
        assertTrue(instructor.list("/api/courses/1/grades/audit").isEmpty(), "nothing was written");
    }

    @Test
    void a_field_deep_in_the_course_policies_is_named_by_its_path() {
        Api.Session instructor = instructor();
        String course = "{\"code\":\"ML\",\"title\":\"ML at Scale\",\"term\":\"Fall 2026\",\"timeZone\":\"America/New_York\","
                + "\"policies\":{\"critiquesRequired\":10,\"critiquesPerSession\":1,\"pagesPerCritique\":1,\"maxFileBytes\":5242880,"
                + "\"deadlineOffsetMinutes\":0,\"minTeamSize\":1,\"maxTeamSize\":2,\"presentationsPerStudent\":1,\"roleBlockSize\":2,"
                + "\"signupFreezeHours\":48,";
        names(refused(instructor, "PUT", "/api/courses/1", course + "\"critiquesRequird\":8}}"), "policies.critiquesRequird");
        names(refused(instructor, "PUT", "/api/courses/1", course
                + "\"grading\":{\"weights\":{\"presentation\":50,\"roles\":\"50\",\"critiques\":0}}}}"), "policies.grading.weights.roles");
        assertEquals(10, Api.intOf(Api.mapOf(instructor.get("/api/courses/1"), "policies"), "critiquesRequired"));
    }

    @Test
    void well_formed_bodies_still_pass_with_null_for_optional_fields() {
        Api.Session ta = ta();
        assertEquals(201, ta.post(PAPERS, "{\"title\":\"Attention\",\"year\":2017,\"official\":false,\"venue\":null}",
                "application/json").code());
        assertEquals(201, ta.post(SESSIONS, "{" + LECTURE + ",\"topic\":\"Guest\",\"number\":30,\"location\":null}",
                "application/json").code());
        List<Map<String, Object>> papers = ta.list(PAPERS);
        assertEquals(false, papers.get(papers.size() - 1).get("official"));
    }

    /** The problem names {@code field} in errors[].field, says {@code words}, and shows no Java name anywhere. */
    private static void namesPlainly(Map<String, Object> problem, String field, String words) {
        List<Map<String, Object>> errors = Api.listOf(problem, "errors");
        assertTrue(errors != null && errors.stream().anyMatch(e -> field.equals(e.get("field"))
                && String.valueOf(e.get("message")).contains(words)), () -> "expected " + field + " \"" + words + "\" in " + problem);
        String all = problem.toString();
        for (String java : List.of("$", "Command", "org.paperclub", "java.", "Exception", "/command")) {
            assertFalse(all.contains(java), () -> "no Java name (" + java + ") in " + all);
        }
    }

    @Test
    void an_object_for_text_a_key_given_twice_or_a_number_past_its_range_is_refused_naming_the_field_without_java_names() {
        Api.Session ta = ta();
        int before = ta.list(PAPERS).size();
        namesPlainly(refused(ta, "POST", PAPERS, "{\"title\":{\"x\":1}}"), "title", "must be text");
        namesPlainly(refused(ta, "POST", PAPERS, "{\"title\":\"a\",\"title\":\"b\"}"), "title", "given twice");
        namesPlainly(refused(ta, "POST", PAPERS, "{\"title\":\"a\",\"year\":99999999999999999999}"), "year",
                "must be a whole number up to 2147483647");
        long student = Api.id(student(3).get("/api/me"));
        namesPlainly(refused(ta, "POST", "/api/courses/1/extensions", "{\"studentId\":" + student + ",\"hours\":2147483648}"), "hours",
                "must be a whole number up to 2147483647");
        assertEquals(before, ta.list(PAPERS).size(), "nothing was stored");
    }

    @Test
    void an_impossible_date_or_time_of_day_is_refused_naming_the_field_without_java_names() {
        Api.Session ta = ta();
        int before = ta.list(SESSIONS).size();
        String times = ",\"startTime\":\"14:00\",\"endTime\":\"15:15\",\"topic\":\"Guest\"}";
        namesPlainly(refused(ta, "POST", SESSIONS, "{\"date\":\"2026-02-30\"" + times), "date", "must be a real date such as 2026-12-14");
        namesPlainly(refused(ta, "POST", SESSIONS, "{\"date\":\" 2026-12-14\"" + times), "date", "must be a real date such as 2026-12-14");
        namesPlainly(refused(ta, "POST", SESSIONS, "{\"date\":\"2026-12-14\",\"startTime\":\"24:00\",\"endTime\":\"15:15\","
                + "\"topic\":\"Guest\"}"), "startTime", "must be a time of day such as 14:00");
        assertEquals(before, ta.list(SESSIONS).size(), "nothing was stored");
    }
}
