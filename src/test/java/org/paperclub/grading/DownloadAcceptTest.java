package org.paperclub.grading;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * The downloads (the gradebook and breakdown CSVs, the roster CSV, the printed critiques, a critique's PDF, the
 * iCalendar feed, the course file) are sent whatever the Accept header asks for: a download link has no say in it, and a script or the
 * page's fetch helper asks for JSON. Only the access check decides, so a student asking for the staff gradebook as JSON
 * hears 403 as with text/csv, not a 406 that tells them the address exists in another form. Lives beside GradingCourse.
 */
@MicronautTest
// Builds its own course: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class DownloadAcceptTest extends ApiTest {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    private GradingCourse course;
    private List<String> downloads;

    @BeforeAll
    void aCourseWithAPublishedGradeAndAHandedInCritique() {
        course = new GradingCourse(instructor(), "ACCEPT 1", List.of("student1@example.edu", "student2@example.edu"));
        long first = course.userId("student1@example.edu");
        course.held(2);
        long team = course.present(2, 0, first, null);
        GradingTest.put(course.instructor, course.grades("presentations/" + team), Map.of("points", 8));
        course.instructor.post(course.base + "/sessions/" + course.sessionId(2) + "/grades/publish", Map.of());
        long critique = course.critique(1, 0, first);
        long version = Api.id(Api.listOf(course.instructor.list(course.base + "/critiques?studentId=" + first).get(0), "versions").get(0));
        downloads = List.of(course.base + "/gradebook.csv", course.base + "/grades/breakdown.csv", course.base + "/roster/export",
                course.base + "/calendar.ics", course.base + "/export", course.base + "/sessions/" + course.sessionId(1) + "/critiques.pdf",
                course.base + "/critiques/" + critique + "/pdf", "/api/critiques/" + version + "/file");
    }

    @Test
    void staff_asking_for_json_get_every_download_in_its_own_type() {
        List<String> wrong = new ArrayList<>();
        for (String path : downloads) {
            HttpResponse<byte[]> r = fetch(course.instructor.authorize(HttpRequest.GET(path)).accept(JSON));
            String type = r.getContentType().map(MediaType::getName).orElse("");
            if (r.code() != 200 || type.equals("application/json") || type.equals("application/problem+json")) {
                wrong.add(path + " -> " + r.code() + " " + type + " " + text(r));
            }
        }
        assertTrue(wrong.isEmpty(), "not sent to staff who asked for JSON:\n" + String.join("\n", wrong));
    }

    @Test
    void staff_sending_no_accept_header_get_every_download() {
        List<String> wrong = new ArrayList<>();
        for (String path : downloads) {
            MutableHttpRequest<?> request = course.instructor.authorize(HttpRequest.GET(path));
            request.getHeaders().remove("Accept");
            HttpResponse<byte[]> r = fetch(request);
            if (r.code() != 200) {
                wrong.add(path + " -> " + r.code() + " " + text(r));
            }
        }
        assertTrue(wrong.isEmpty(), "not sent to staff who sent no Accept header:\n" + String.join("\n", wrong));
    }

    @Test
    void the_gradebook_asked_for_as_json_is_still_the_canvas_csv() {
        HttpResponse<byte[]> r = fetch(course.instructor.authorize(HttpRequest.GET(course.base + "/gradebook.csv")).accept(JSON));
        assertEquals("text/csv", r.getContentType().orElseThrow().getName());
        assertTrue(text(r).startsWith("Student,ID,SIS User ID"), text(r));
        assertTrue(r.header("Content-Disposition").startsWith("attachment"));
    }

    @Test
    void a_student_asking_for_the_staff_gradebook_as_json_is_refused_as_with_text_csv() {
        Api.Session student = student(1);
        for (String path : List.of(course.base + "/gradebook.csv", course.base + "/grades/breakdown.csv", course.base + "/roster/export")) {
            Map<String, Object> asCsv = problem(403, () -> student.http().exchange(student.authorize(HttpRequest.GET(path))
                    .accept(MediaType.of("text/csv"), MediaType.of("application/problem+json")), String.class));
            Map<String, Object> asJson = problem(403, () -> student.http().exchange(student.authorize(HttpRequest.GET(path)).accept(JSON),
                    String.class));
            assertEquals(asCsv.get("detail"), asJson.get("detail"), path);
            assertFalse(String.valueOf(asJson.get("detail")).contains("Accept"), asJson.toString());
        }
    }

    @Test
    void someone_not_signed_in_is_asked_to_sign_in_whatever_they_accept() {
        for (String path : downloads) {
            for (String accept : List.of("application/json", "text/html", "*/*")) {
                Map<String, Object> p = problem(401, () -> client.toBlocking().exchange(HttpRequest.GET(path).accept(accept), String.class));
                assertTrue(String.valueOf(p.get("detail")).toLowerCase().contains("sign in"), path + " with Accept: " + accept + ": " + p);
            }
        }
    }

    private HttpResponse<byte[]> fetch(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<byte[]>) e.getResponse();
        }
    }

    private static String text(HttpResponse<byte[]> r) {
        return r.getBody(byte[].class).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
    }
}
