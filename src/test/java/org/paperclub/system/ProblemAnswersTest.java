package org.paperclub.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broken rule reads the same whatever the request accepts: most answers come from the global error route
 * ({@link ProblemErrors}), those to a request that accepts neither JSON nor problem+json from the exception's handler.
 */
@MicronautTest
class ProblemAnswersTest extends ApiTest {

    private static final String STAFF_ONLY = "/api/courses/" + DEMO + "/grades/summary";

    @Test
    void a_broken_rule_is_the_same_problem_whatever_the_request_accepts() {
        List<String> answers = new ArrayList<>();
        for (String accept : new String[] {null, "*/*", "application/json", "application/problem+json", "text/html", "text/csv"}) {
            MutableHttpRequest<?> request = HttpRequest.GET(STAFF_ONLY);
            if (accept != null) {
                request.header("Accept", accept);
            }
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(student().authorize(request), String.class));
            assertEquals(403, e.getStatus().getCode(), "Accept: " + accept);
            assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString(), "Accept: " + accept);
            answers.add(e.getResponse().getBody(String.class).orElseThrow());
        }
        assertTrue(answers.get(0).contains("instructors and TAs"), answers.get(0));
        assertEquals(1, answers.stream().distinct().count(), "the same problem every time: " + answers);
    }
}
