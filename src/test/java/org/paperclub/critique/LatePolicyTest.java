package org.paperclub.critique;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPdfs;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A course with the Cornell-style late policy: grace days spent greedily across a student's critiques, then a penalty, then a cut-off. */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class LatePolicyTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    /** When the student hands in: the sessions are 30, 31 and 100 hours before. */
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 10, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void grace_is_spent_across_items_then_the_penalty_applies_and_nothing_passes_the_cut_off() {
        clock.set(NOW);
        Api.Session instructor = instructor();
        String file = """
                format: paperclub-course/1
                course: {code: LATE 1, title: Late policy seminar, term: Now, timeZone: UTC}
                policies:
                  latePolicy:
                    accepted: true
                    grace: {unit: DAYS, budget: 2, maxPerItem: 2}
                    penalty: {per: DAYS, keepPercent: [80, 60, 40, 20]}
                    cutoffHours: 96
                papers:
                  - {key: a, title: Paper A}
                  - {key: b, title: Paper B}
                  - {key: c, title: Paper C}
                sessions:
                  - {number: 1, date: %s, start: "%s", end: "%s", topic: One, assigned: [a]}
                  - {number: 2, date: %s, start: "%s", end: "%s", topic: Two, assigned: [b]}
                  - {number: 3, date: %s, start: "%s", end: "%s", topic: Three, assigned: [c]}
                """.formatted((Object[]) flat(NOW).split(","));
        Map<String, Object> course = instructor.post("/api/courses/import", file, "application/yaml").body();
        long courseId = Api.id(course);
        instructor.post("/api/courses/" + courseId + "/roster", Map.of("email", "student1@example.edu"));
        List<Map<String, Object>> sessions = instructor.list("/api/courses/" + courseId + "/sessions");
        Api.Session s = student(1);

        Map<String, Object> first = upload(s, courseId, sessions, 1);
        assertEquals(2, Api.intOf(first, "graceSpent"), "30 hours late is 2 started days, both covered by grace");
        assertEquals(100.0, Api.doubleOf(first, "keepPercent"));

        Map<String, Object> second = upload(s, courseId, sessions, 2);
        assertEquals(0, Api.intOf(second, "graceSpent"), "the budget is spent");
        assertEquals(60.0, Api.doubleOf(second, "keepPercent"), "31 hours late: day 2 of the schedule");
        assertTrue(((String) second.get("timing")).contains("60 % of the points kept"), (String) second.get("timing"));

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> upload(s, courseId, sessions, 3));
        assertEquals(422, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("nothing is accepted more than 96 hours after it"));
    }

    @Test
    void a_late_policy_that_contradicts_itself_is_refused() {
        String file = """
                format: paperclub-course/1
                course: {code: LATE 2, title: Contradiction, term: Now, timeZone: UTC}
                policies:
                  latePolicy: {accepted: false, cutoffHours: 48}
                """;
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> instructor().post("/api/courses/import", file, "application/yaml"));
        assertEquals(422, e.getStatus().getCode());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("policies.latePolicy"));
    }

    private static String flat(ZonedDateTime now) {
        return String.join(",", args(now.minusHours(30)), args(now.minusHours(31)), args(now.minusHours(100)));
    }

    /** A 50-minute session starting then. */
    private static String args(ZonedDateTime start) {
        return start.toLocalDate() + "," + start.toLocalTime() + "," + start.plusMinutes(50).toLocalTime();
    }

    private Map<String, Object> upload(Api.Session s, long courseId, List<Map<String, Object>> sessions, int number) {
        Map<String, Object> session = sessions.stream().filter(x -> Api.intOf(x, "number") == number).findFirst().orElseThrow();
        Object paperId = Api.listOf(session, "readings").get(0).get("paperId");
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session.get("id")))
                .addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        return s.http().retrieve(s.authorize(HttpRequest.POST("/api/courses/" + courseId + "/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }
}
