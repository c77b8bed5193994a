package org.paperclub.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPdfs;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A value of the address (or of the upload form) that is not of its kind is a 400 whose sentence says which value
 * and what it should be, never Micronaut's "Failed to convert argument [courseId] ... For input string".
 */
@MicronautTest
class UnreadableParameterTest extends ApiTest {

    private static final String UMD = "/api/courses/1";

    /** The field named by the last problem's errors[], if any. */
    private String field;

    private String detail(Api.Session who, MutableHttpRequest<?> request) {
        Map<String, Object> problem = problem(400, () -> client.toBlocking().exchange(who.authorize(request), String.class));
        String detail = (String) problem.get("detail");
        field = problem.get("errors") instanceof List<?> errors && !errors.isEmpty() && errors.get(0) instanceof Map<?, ?> first
                ? (String) first.get("field") : null;
        for (String leak : List.of("Failed to convert", "java.", "Exception", "For input string", "argument [", "parsed at index")) {
            assertFalse(String.valueOf(problem).contains(leak), () -> "\"" + leak + "\" in " + problem);
        }
        return detail;
    }

    private String detail(Api.Session who, String path) {
        return detail(who, HttpRequest.GET(path));
    }

    @Test
    void a_path_id_that_is_not_a_number_is_named_in_words() {
        Api.Session student = student();
        assertEquals("The address names a course as \"abc\", which is not a course number.", detail(student, "/api/courses/abc"));
        assertEquals("The address names a session as \"x\", which is not a session number.", detail(student, UMD + "/sessions/x"));
        assertEquals("The address names a course as \"99999999999999999999\", which is not a course number.",
                detail(student, "/api/courses/99999999999999999999"));
        assertEquals("The address names a person as \"abc\", which is not a person number.",
                detail(instructor(), HttpRequest.DELETE(UMD + "/roster/abc")));
    }

    @Test
    void a_query_option_that_is_not_of_its_kind_is_named_with_what_it_should_be() {
        Api.Session instructor = instructor();
        assertEquals("The address's \"drafts\" option is \"maybe\", which is not true or false.",
                detail(instructor, HttpRequest.GET(UMD + "/gradebook.csv?drafts=maybe").accept("text/csv")));
        assertEquals("The address's \"open\" option is \"perhaps\", which is not true or false.",
                detail(instructor, UMD + "/regrades?open=perhaps"));
        assertEquals("The address's \"studentId\" option is \"zz\", which is not a student number.",
                detail(instructor, UMD + "/critiques?studentId=zz"));
        assertEquals("The address's \"limit\" option is \"ten\", which is not a whole number.",
                detail(instructor, UMD + "/announcements?limit=ten"));
        assertEquals("The address's \"before\" option is \"x\", which is not a whole number.",
                detail(instructor, "/api/me/notifications?before=x"));
        assertEquals("The address's \"firstDay\" option is \"tomorrow\", which is not a date written like 2025-09-02.",
                detail(instructor, HttpRequest.POST("/api/courses/import?firstDay=tomorrow", "title: x").contentType("application/yaml")));
    }

    @Test
    void true_and_false_options_still_work_and_an_empty_one_is_not_given() {
        Api.Session instructor = instructor();
        instructor.list(UMD + "/regrades?open=true");
        instructor.list(UMD + "/regrades?open=false");
        instructor.list(UMD + "/regrades?open=");
        assertTrue(Api.csv(instructor, UMD + "/gradebook.csv?drafts=true").contains("Points Possible"));
    }

    @Test
    void an_upload_form_field_that_is_not_a_number_is_named_as_a_field() {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", "first")
                .addPart("paperId", "1")
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        assertEquals("The upload form's \"sessionId\" field is \"first\", which is not a session number.",
                detail(student(), HttpRequest.POST(UMD + "/critiques", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        assertEquals("sessionId", field, "errors[] names the field, as every other 400 does");
    }

    @Test
    void a_missing_upload_form_field_or_body_is_named_too() {
        MultipartBody noSession = MultipartBody.builder().addPart("paperId", "1")
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        assertEquals("The upload form has no \"sessionId\" field, and it needs one.",
                detail(student(), HttpRequest.POST(UMD + "/critiques", noSession).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        assertEquals("sessionId", field, "errors[] names the field, as every other 400 does");
        assertEquals("The request has no body: send the JSON this address expects.",
                detail(instructor(), HttpRequest.POST(UMD + "/announcements", "").contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    @Test
    void the_echoed_value_is_cut_short_and_shows_no_control_or_invisible_characters() {
        String escape = detail(ta(), UMD + "/critiques?studentId=%1b%5b31m" + "9".repeat(400));
        assertEquals("The address's \"studentId\" option is \"?[31m" + "9".repeat(35) + "…\", which is not a student number.", escape);
        String bidi = detail(ta(), UMD + "/sessions/%E2%80%AEfdp.exe");
        assertEquals("The address names a session as \"?fdp.exe\", which is not a session number.", bidi);
    }

    @Test
    void signing_in_still_comes_first() {
        for (String path : List.of("/api/courses/abc", UMD + "/sessions/x", UMD + "/regrades?open=perhaps", UMD + "/critiques?studentId=zz")) {
            Map<String, Object> problem = problem(401, () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
            assertEquals("Please sign in first.", problem.get("detail"), path);
        }
    }
}
