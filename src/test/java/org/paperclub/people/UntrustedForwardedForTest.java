package org.paperclub.people;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.paperclub.support.Api.problem;

/** No trusted proxy (the default): a client cannot pose as many by writing X-Forwarded-For. */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class UntrustedForwardedForTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("paperclub.login.first-delay", "10m");
    }

    @Test
    void a_forwarded_for_header_from_a_client_that_is_no_trusted_proxy_is_ignored() {
        for (int i = 1; i <= 4; i++) {
            String address = "203.0.113." + i;
            problem(401, () -> login("student12@example.edu", "guess", address));
        }
        Map<String, Object> p = problem(429, () -> login("student12@example.edu", Api.PASSWORD, "203.0.113.77"));
        assertEquals(429, Api.intOf(p, "status"));
    }

    private void login(String email, String password, String forwardedFor) {
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password))
                .header("X-Forwarded-For", forwardedFor), MAP);
    }
}
