package org.paperclub.people;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * The app behind a trusted proxy (127.0.0.1, as the test client connects from there), so that each test can
 * sign in "from" any client address with X-Forwarded-For.
 */
@MicronautTest
// Builds its own courses: the demo accounts without the demo courses.
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class SignInThrottleTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final String ATTACKER = "203.0.113.9";

    @Override
    protected Map<String, String> extraProperties() {
        // Waits long enough that no test can outlast one by being slow.
        return Map.of("paperclub.trusted-proxies", "127.0.0.1, ::1", "paperclub.login.first-delay", "60s",
                "paperclub.login.max-delay", "15m", "paperclub.login.soft-max-delay", "120s");
    }

    @Test
    void guesses_from_other_clients_never_lock_the_owner_out_of_their_own_client() {
        assertEquals(200, signIn("student3@example.edu", Api.PASSWORD, "198.51.100.7"));
        // A guess from each of eleven addresses: past the per-account bound of ten.
        for (int i = 1; i <= 11; i++) {
            assertEquals(401, signIn("student3@example.edu", "guess-" + i, "203.0.113." + i));
        }
        assertEquals(200, signIn("student3@example.edu", Api.PASSWORD, "198.51.100.7"), "the owner's own client");
        // Another client the account never signed in from waits, but only the short, soft delay.
        Map<String, Object> p = throttled("student3@example.edu", Api.PASSWORD, "192.0.2.44");
        assertTrue(Api.intOf(p, "retryAfter") <= 120, p.toString());
    }

    @Test
    void one_client_guessing_one_account_waits_longer_after_each_further_failure_even_with_the_right_password() {
        clock.freeze();
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn("student8@example.edu", "guess-" + i, ATTACKER));
        }
        Map<String, Object> first = throttled("student8@example.edu", Api.PASSWORD, ATTACKER);
        assertTrue(((String) first.get("detail")).startsWith("Too many wrong passwords. Try again in"), first.toString());
        // The owner elsewhere is not held back.
        assertEquals(200, signIn("student8@example.edu", Api.PASSWORD, "198.51.100.8"));

        // The wait is counted on the app's clock: a second before it is over the client still waits.
        clock.advance(Duration.ofSeconds(Api.intOf(first, "retryAfter") - 1));
        assertEquals(429, signIn("student8@example.edu", Api.PASSWORD, ATTACKER));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, signIn("student8@example.edu", "guess-5", ATTACKER));
        Map<String, Object> second = throttled("student8@example.edu", "guess-6", ATTACKER);
        assertTrue(Api.intOf(second, "retryAfter") > Api.intOf(first, "retryAfter"), first + " then " + second);
    }

    @Test
    void forwarded_headers_name_the_client_when_they_come_through_the_trusted_proxy() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn("student11@example.edu", "guess", "Forwarded", "for=\"[2001:db8:1:2::" + i + "]:4711\""));
        }
        // The same /64: the same client.
        assertEquals(429, status(() -> login("student11@example.edu", Api.PASSWORD, "Forwarded", "for=\"[2001:db8:1:2::99]\"")));
        assertEquals(200, signIn("student11@example.edu", Api.PASSWORD, "Forwarded", "for=198.51.100.11;proto=https"));
    }

    @Test
    void addresses_a_client_writes_left_of_what_the_trusted_proxy_saw_do_not_make_it_a_new_client() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(401, signIn("student13@example.edu", "guess", "198.18.0." + i + ", 203.0.113.60"));
        }
        assertEquals(429, signIn("student13@example.edu", Api.PASSWORD, "198.18.0.99, 203.0.113.60"));
        // A trusted proxy in the chain is looked through: the client is the address before it.
        assertEquals(429, signIn("student13@example.edu", Api.PASSWORD, "203.0.113.60, 127.0.0.1"));
    }

    @Test
    void guessing_the_current_password_of_a_password_change_is_slowed_down_too() {
        Api.Session session = student(9);
        Map<String, Object> wrong = Map.of("currentPassword", "not-it", "newPassword", "a-long-new-password");
        for (int i = 0; i < 4; i++) {
            problem(422, () -> session.put("/api/me/password", wrong));
        }
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> session.put("/api/me/password", wrong));
        assertEquals(429, e.getStatus().getCode());
        assertTrue(Integer.parseInt(e.getResponse().getHeaders().get("Retry-After")) > 0);
        problem(429, () -> session.put("/api/me/password", wrong));
    }

    private int signIn(String email, String password, String client) {
        return signIn(email, password, "X-Forwarded-For", client);
    }

    private int signIn(String email, String password, String header, String value) {
        return status(() -> login(email, password, header, value));
    }

    private void login(String email, String password, String header, String value) {
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password))
                .header(header, value).accept(MediaType.APPLICATION_JSON_TYPE), MAP);
    }

    private static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** The 429 problem, with its Retry-After seconds added as "retryAfter". */
    private Map<String, Object> throttled(String email, String password, String client) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> login(email, password, "X-Forwarded-For", client));
        Map<String, Object> p = problem(429, () -> {
            throw e;
        });
        int retryAfter = Integer.parseInt(e.getResponse().getHeaders().get("Retry-After"));
        assertTrue(retryAfter > 0, "Retry-After: " + retryAfter);
        p = new java.util.HashMap<>(p);
        p.put("retryAfter", retryAfter);
        return p;
    }
}
