package org.paperclub.lti;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.PeopleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.LEARNER;

/**
 * What Paperclub fetches from a platform (its JWKS at a launch, its configuration and registration endpoint at
 * Dynamic Registration) is bounded as a whole: a platform that sends its headers and then trickles its body, or answers
 * megabytes, gets a refusal with a sentence, never a page that hangs. The deadline here is short (2 s) so that the
 * tests are quick; a hang would run into {@code assertTimeoutPreemptively}'s guard instead.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = PlatformFetchLimitsTest.ADMIN)
@Property(name = "paperclub.lti.fetch-timeout", value = "2s")
@Property(name = "paperclub.lti.registration-timeout", value = "2s")
@Property(name = "paperclub.lti.service-timeout", value = "2s")
class PlatformFetchLimitsTest extends ApiTest {

    static final String ADMIN = "fetch-admin@example.edu";
    static final String SITE = "https://paperclub.example.edu";
    /** Long enough that no fetch without a deadline of its own finishes within the test's guard. */
    private static final Duration GUARD = Duration.ofSeconds(40);

    @Inject
    EmbeddedServer server;

    @Inject
    PeopleService people;

    @Inject
    PlatformHttp platformHttp;

    private TestPlatform trickling;
    private TestPlatform huge;
    private LtiDriver driver;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("paperclub.public-url", SITE);
    }

    @BeforeAll
    void platforms() throws SQLException {
        people.createAccount(ADMIN, "Fiona Fetch", people.hashPassword(Api.PASSWORD), false);
        trickling = new TestPlatform();
        trickling.handle("/jwks", PlatformFetchLimitsTest::trickle);
        trickling.handle("/.well-known/openid-configuration", PlatformFetchLimitsTest::trickle);
        trickling.handle("/memberships", PlatformFetchLimitsTest::trickle);
        huge = new TestPlatform();
        huge.handle("/jwks", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"keys\":[".getBytes(StandardCharsets.UTF_8));
                byte[] padding = " ".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 160; i++) {
                    out.write(padding);
                }
                out.write("]}".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Paperclub stopped reading, as it should.
            }
        });
        try (Connection c = jdbc()) {
            LtiDriver.register(c, trickling, "Trickling LMS");
            LtiDriver.register(c, huge, "Huge LMS");
        }
        driver = new LtiDriver(server.getURL().toString(), SITE);
    }

    @AfterAll
    void close() {
        trickling.close();
        huge.close();
    }

    @Test
    void a_platform_whose_keys_trickle_in_forever_gets_a_refusal_page_not_a_hung_launch() {
        LtiDriver.Answer a = assertTimeoutPreemptively(GUARD, () -> driver.launch(trickling,
                trickling.launchClaims("stu-t", "Tess Trickle", "tess@lms.example.edu", "ctx-t", "Trickle", LEARNER)));
        assertEquals(401, a.status(), a.body());
        assertTrue(a.body().contains(LaunchRefusalTest.UNTRUSTED), a.body());
        assertTrue(a.body().contains("could not be fetched"), a.body());
    }

    @Test
    void a_platform_whose_keys_are_ten_megabytes_gets_a_refusal_page_and_they_are_not_read() {
        LtiDriver.Answer a = assertTimeoutPreemptively(GUARD, () -> driver.launch(huge,
                huge.launchClaims("stu-h", "Hugo Huge", "hugo@lms.example.edu", "ctx-h", "Huge", LEARNER)));
        assertEquals(401, a.status(), a.body());
        assertTrue(a.body().contains("is larger than"), a.body());
    }

    @Test
    void an_lms_whose_configuration_trickles_in_forever_gets_a_sentence_on_the_registration_page() {
        HttpResponse<Map<String, Object>> made = api().login(ADMIN).post("/api/lti/registration-links", Map.of());
        assertEquals(201, made.code());
        String path = URI.create((String) made.body().get("url")).getPath();
        LtiDriver.Answer page = assertTimeoutPreemptively(GUARD, () -> driver.get(path + "?openid_configuration="
                + java.net.URLEncoder.encode(trickling.url() + "/.well-known/openid-configuration", StandardCharsets.UTF_8)
                + "&registration_token=t"));
        assertEquals(502, page.status(), page.body());
        assertTrue(page.body().contains("Paperclub could not reach the LMS"), page.body());
    }

    @Test
    void a_roster_or_grade_call_to_a_platform_that_trickles_forever_ends_with_a_sentence() {
        LtiServiceException e = assertTimeoutPreemptively(GUARD, () -> org.junit.jupiter.api.Assertions.assertThrows(LtiServiceException.class,
                () -> platformHttp.send(java.net.http.HttpRequest.newBuilder(URI.create(trickling.url() + "/memberships")).GET().build(),
                        "Trickling LMS")));
        assertTrue(e.getMessage().startsWith("Trickling LMS did not answer"), e.getMessage());
    }

    /** Headers at once, then a space every half second for a minute and a half: never a whole answer in time. */
    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write('{');
            out.flush();
            for (int i = 0; i < 180; i++) {
                Thread.sleep(500);
                out.write(' ');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // Paperclub gave up on it, as it should.
        }
    }
}
