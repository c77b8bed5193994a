package org.paperclub.system;

import io.micronaut.http.HttpRequest;
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
 * Input that reaches the database unchecked is a 500 with a stack trace (PostgreSQL refuses a NUL byte in text,
 * SQL state 22021): every body is validated, and a value the database still refuses is the caller's 4xx.
 */
@MicronautTest
class UncheckedInputTest extends ApiTest {

    private static final String CORNELL = "/api/courses/2";

    private static void names(Map<String, Object> problem, String field, String words) {
        List<Map<String, Object>> errors = Api.listOf(problem, "errors");
        assertTrue(errors != null && errors.stream().anyMatch(e -> field.equals(e.get("field"))
                && ((String) e.get("message")).contains(words)), () -> "expected " + field + " \"" + words + "\" in " + problem);
    }

    @Test
    void a_sign_in_with_a_nul_in_the_email_or_password_is_a_400_naming_the_field() {
        names(problem(400, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                "{\"email\":\"a\\u0000@example.edu\",\"password\":\"x\"}").contentType("application/json"))), "email", "U+0000");
        names(problem(400, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                "{\"email\":\"student1@example.edu\",\"password\":\"pa\\u0000perclub\"}").contentType("application/json"))),
                "password", "U+0000");
    }

    @Test
    void a_decline_reason_with_control_characters_or_too_long_is_a_400_and_the_proposal_stays() {
        Api.Session instructor = instructor();
        Object offList = instructor.post(CORNELL + "/papers", Map.of("title", "Consistency Models", "year", 2023, "official", false))
                .body().get("id");
        Map<String, Object> presentationSession = Api.listOf(student(1).get(CORNELL + "/signups/board"), "sessions").stream().filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).reduce((a, b) -> b).orElseThrow();
        Map<String, Object> proposed = student(17).post(CORNELL + "/sessions/" + presentationSession.get("id") + "/presentations",
                Map.of("paperId", offList)).body();
        String decline = CORNELL + "/presentations/" + proposed.get("id") + "/decline";
        names(problem(400, () -> ta().post(decline, "{\"reason\":\"x\\u0000y\"}", "application/json")), "reason", "U+0000");
        names(problem(400, () -> ta().post(decline, "{\"reason\":\"red \\u001b[31m\"}", "application/json")), "reason", "U+001B");
        names(problem(400, () -> ta().post(decline, Map.of("reason", "x".repeat(100_000)))), "reason", "500");
        assertEquals("CONFIRMED", ta().post(CORNELL + "/presentations/" + proposed.get("id") + "/approve", Map.of()).body()
                .get("status"), "the refused declines left the proposal waiting");
    }

    @Test
    void a_value_the_database_cannot_store_is_a_4xx_saying_so_never_a_500() throws Exception {
        // A column narrower than the app's own limit: the value passes validation and only the database refuses it
        // (SQL state 22001, as a NUL byte is 22021 on PostgreSQL).
        try (var db = jdbc(); var alter = db.createStatement()) {
            alter.execute("alter table extension alter column reason type varchar(5)");
        }
        Object student = student(3).get("/api/me").get("id");
        Api.Session ta = ta();
        Map<String, Object> p = problem(422, () -> ta.post("/api/courses/1/extensions",
                Map.of("studentId", student, "hours", 24, "reason", "a family emergency")));
        String detail = (String) p.get("detail");
        assertTrue(detail.startsWith("A value in this request cannot be stored"), detail);
        assertFalse(detail.contains("same moment") || detail.contains("went wrong"), detail);
        try (var db = jdbc(); var count = db.createStatement().executeQuery("select count(*) from extension")) {
            count.next();
            assertEquals(0, count.getInt(1), "nothing was stored");
        }
    }
}
