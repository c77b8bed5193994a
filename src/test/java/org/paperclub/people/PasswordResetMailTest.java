package org.paperclub.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** "Forgot your password?" with e-mail on: a link by mail, once, for an hour, and nothing that tells who has an account. */
@MicronautTest(transactional = false)
class PasswordResetMailTest extends MailTest {

    private static final String LINK = "https://paperclub.example.edu/#/reset/";
    // Each test asks from its own client address (believed from the trusted local proxy), so that the per-client
    // limit of one test does not reach another.
    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("paperclub.trusted-proxies", "127.0.0.1/8,::1");
    }

    private static String someClient() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private HttpResponse<String> ask(String email, String client) {
        return http().exchange(HttpRequest.POST("/api/auth/password-reset", Map.of("email", email))
                .header("X-Forwarded-For", client), String.class);
    }

    private io.micronaut.http.client.BlockingHttpClient http() {
        return client.toBlocking();
    }

    private String linkFor(String email, int nth) {
        deliver();
        var mails = receivedBy(email);
        assertEquals(nth, mails.size(), "mails to " + email);
        return mails.get(nth - 1).link(LINK);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private void reset(String token, String password) {
        http().exchange(HttpRequest.POST("/api/auth/password-reset/" + token, Map.of("password", password)));
    }

    @Test
    void the_answer_is_the_same_for_a_known_and_an_unknown_address_and_only_the_known_one_gets_mail() {
        String from = someClient();
        HttpResponse<String> known = ask("student4@example.edu", from);
        HttpResponse<String> unknown = ask("no.such.person@example.edu", from);
        assertEquals(202, known.code());
        assertEquals(known.code(), unknown.code());
        assertEquals(known.body(), unknown.body());
        assertTrue(known.body().contains("If an account uses this address"), known.body());

        deliver();
        assertEquals(1, receivedBy("student4@example.edu").size());
        assertEquals(0, receivedBy("no.such.person@example.edu").size());
        Received mail = receivedBy("student4@example.edu").get(0);
        assertEquals("Paperclub: choose a new password", mail.subject());
        assertNotNull(mail.html());
        assertTrue(mail.html().contains(mail.link(LINK)), "both parts carry the link");
        assertTrue(mail.text().matches("(?s).*for an hour \\(until \\w{3} \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC\\).*"),
                "a reset belongs to no course, so its expiry is in UTC: " + mail.text());
    }

    @Test
    void the_link_sets_a_new_password_once_and_signs_out_every_other_session() {
        Api.Session laptop = student(5);
        ask("student5@example.edu", someClient());
        String link = linkFor("student5@example.edu", 1);
        Map<?, ?> view = http().retrieve(HttpRequest.GET("/api/auth/password-reset/" + token(link)), Map.class);
        assertEquals("student5@example.edu", view.get("email"));

        reset(token(link), "a-brand-new-password");
        problem(401, () -> laptop.get("/api/me"));
        problem(401, () -> api().login("student5@example.edu", Api.PASSWORD));
        api().login("student5@example.edu", "a-brand-new-password");
        Map<String, Object> again = problem(404, () -> reset(token(link), "another-new-password"));
        assertTrue(((String) again.get("detail")).contains("Forgot your password?"), again.toString());
        api().login("student5@example.edu", "a-brand-new-password");
    }

    @Test
    void a_link_stops_working_after_an_hour() {
        clock.freeze();
        ask("student6@example.edu", someClient());
        String link = linkFor("student6@example.edu", 1);
        assertTrue(receivedBy("student6@example.edu").get(0).text().contains("for an hour"));
        clock.advance(Duration.ofMinutes(59));
        http().retrieve(HttpRequest.GET("/api/auth/password-reset/" + token(link)), Map.class);
        clock.advance(Duration.ofMinutes(2));
        problem(404, () -> http().retrieve(HttpRequest.GET("/api/auth/password-reset/" + token(link)), Map.class));
        problem(404, () -> reset(token(link), "too-late-for-this"));
        api().login("student6@example.edu", Api.PASSWORD);
    }

    @Test
    void a_newer_link_replaces_the_older_one_and_an_invitation_link_is_no_reset_link() {
        String from = someClient();
        ask("student7@example.edu", from);
        String first = linkFor("student7@example.edu", 1);
        ask("student7@example.edu", from);
        String second = linkFor("student7@example.edu", 2);
        problem(404, () -> reset(token(first), "the-older-one-fails"));
        problem(404, () -> http().exchange(HttpRequest.POST("/api/auth/invitations/" + token(second),
                Map.of("password", "wrong-door-for-it"))));
        reset(token(second), "the-newer-one-works");
        api().login("student7@example.edu", "the-newer-one-works");
    }

    @Test
    void an_address_gets_at_most_three_mails_an_hour_and_the_answer_does_not_change() {
        String body = null;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = ask("student8@example.edu", someClient());
            assertEquals(202, answer.code());
            body = body == null ? answer.body() : body;
            assertEquals(body, answer.body(), "the same answer, sent or not");
        }
        deliver();
        assertEquals(3, receivedBy("student8@example.edu").size());
        clock.advance(Duration.ofMinutes(61));
        ask("student8@example.edu", someClient());
        deliver();
        assertEquals(4, receivedBy("student8@example.edu").size(), "an hour later, one more");
    }

    @Test
    void one_client_asking_for_many_addresses_is_stopped_with_429() {
        String from = someClient();
        for (int i = 0; i < 20; i++) {
            assertEquals(202, ask("probe" + i + "@example.edu", from).code());
        }
        Map<String, Object> tooMany = problem(429, () -> ask("student9@example.edu", from));
        assertTrue(((String) tooMany.get("detail")).contains("Try again in"), tooMany.toString());
        deliver();
        assertEquals(0, receivedBy("student9@example.edu").size());
        assertEquals(202, ask("student9@example.edu", someClient()).code(), "another client is not held back");
    }

    @Test
    void an_address_that_is_not_one_is_refused_where_it_is_typed() {
        problem(400, () -> ask("not an address", someClient()));
        problem(400, () -> ask("", someClient()));
    }
}
