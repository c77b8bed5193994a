package org.paperclub.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class ErrorsAndDocsTest extends ApiTest {

    @Test
    void unknown_addresses_and_malformed_requests_are_problems_not_500s() {
        Api.Session ta = ta();
        problem(404, () -> ta.get("/api/nothing-here"));
        problem(400, () -> ta.get("/api/courses/abc"));
        problem(400, () -> client.toBlocking().exchange(ta.authorize(HttpRequest.POST("/api/courses/1/sessions", "{not json")
                .contentType(MediaType.APPLICATION_JSON_TYPE))));
        problem(400, () -> client.toBlocking().exchange(ta.authorize(HttpRequest.POST("/api/courses/1/papers", "[1,2]")
                .contentType(MediaType.APPLICATION_JSON_TYPE))));
        problem(400, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/login", Map.of("email", ""))));
    }

    @Test
    void the_openapi_document_and_its_ui_are_served() {
        String spec = client.toBlocking().retrieve("/openapi.yml");
        assertTrue(spec.contains("openapi: 3"));
        assertTrue(spec.contains("/api/courses/{courseId}/sessions"));
        assertTrue(spec.contains("/api/auth/login"));
        assertTrue(client.toBlocking().retrieve("/openapi").contains("swagger-ui-bundle.js"));
    }

    @Test
    void health_is_up_without_signing_in() {
        assertTrue(client.toBlocking().retrieve("/health").contains("\"UP\""));
    }
}
