package org.paperclub.people;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Two app instances on one database, as behind a load balancer: a session made on one works on the other, survives
 * a restart, and ends on both at once; the sign-in throttle counts on both.
 */
class TwoInstancesTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final String SECRET = "one-secret-for-every-instance-0123456789";

    private final Map<String, String> database = TestDatabase.fresh();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    @Test
    void with_one_configured_secret_a_session_works_on_both_instances_survives_a_restart_and_ends_on_both() {
        Map<String, Object> settings = settings(Map.of("paperclub.sessions.secret", SECRET));
        EmbeddedServer a = start(settings);
        EmbeddedServer b = start(settings);
        Api.Session onA = signIn(a, "ta@example.edu");
        Api.Session onB = on(b, onA);

        assertEquals("ta@example.edu", onB.get("/api/me").get("email"));
        assertEquals(201, onB.post("/api/courses/1/papers", Map.of("title", "Written through the other instance")).code());

        stop(a);
        EmbeddedServer restarted = start(settings);
        Api.Session onRestarted = on(restarted, onA);
        assertEquals("ta@example.edu", onRestarted.get("/api/me").get("email"));
        assertEquals(201, onRestarted.post("/api/courses/1/papers", Map.of("title", "Written after the restart")).code());

        assertEquals(204, onB.post("/api/auth/logout", "").code());
        problem(401, () -> onRestarted.get("/api/me"));
    }

    /**
     * A course read checks the session and the caller's enrollment in one statement (SessionClaimsValidator): a
     * removal from the course or a sign-out through one instance is refused by the other's very next read.
     */
    @Test
    void a_removal_or_a_sign_out_on_one_instance_is_refused_by_the_next_course_read_on_the_other() {
        Map<String, Object> settings = settings(Map.of("paperclub.sessions.secret", SECRET));
        EmbeddedServer a = start(settings);
        EmbeddedServer b = start(settings);
        Api.Session instructor = signIn(a, "instructor@example.edu");
        Api.Session removed = on(b, signIn(a, "student19@example.edu"));
        Api.Session signedOut = on(b, signIn(a, "student1@example.edu"));
        Api.Session ta = on(b, signIn(a, "ta@example.edu"));
        for (Api.Session s : List.of(removed, signedOut)) {
            assertEquals(1, Api.longOf(s.get("/api/courses/1/sessions/1"), "id"));
        }
        // Each read's role is the caller's, in the course its path names.
        problem(403, () -> removed.get("/api/courses/1/roster"));
        assertTrue(ta.list("/api/courses/1/roster").size() > 20);

        long id = Api.longOf(instructor.list("/api/courses/1/roster").stream()
                .filter(e -> "student19@example.edu".equals(e.get("email"))).findFirst().orElseThrow(), "userId");
        assertEquals(200, instructor.delete("/api/courses/1/roster/" + id).code());
        // Still in the other demo course: let in there, and not in this one, in either order.
        assertEquals(2, Api.longOf(removed.get("/api/courses/2"), "id"));
        assertEquals("You are not enrolled in " + instructor.get("/api/courses/1").get("code") + ".",
                problem(403, () -> removed.get("/api/courses/1/sessions/1")).get("detail"));
        assertEquals(2, Api.longOf(removed.get("/api/courses/2"), "id"));

        assertEquals(204, on(a, signedOut).post("/api/auth/logout", "").code());
        problem(401, () -> signedOut.get("/api/courses/1/sessions/1"));
        problem(401, () -> signedOut.get("/api/me"));
    }

    @Test
    void without_a_configured_secret_the_instances_share_the_one_kept_in_the_database() {
        Map<String, Object> settings = settings(Map.of());
        EmbeddedServer a = start(settings);
        EmbeddedServer b = start(settings);
        Api.Session onA = signIn(a, "student1@example.edu");
        assertEquals("student1@example.edu", on(b, onA).get("/api/me").get("email"));
        stop(a);
        assertEquals("student1@example.edu", on(start(settings), onA).get("/api/me").get("email"));
    }

    @Test
    void failed_sign_ins_count_on_every_instance() {
        Map<String, Object> settings = settings(Map.of("paperclub.login.first-delay", "10m"));
        EmbeddedServer a = start(settings);
        EmbeddedServer b = start(settings);
        for (int i = 0; i < 4; i++) {
            EmbeddedServer to = i % 2 == 0 ? a : b;
            problem(401, () -> new ApiOf(to).login("student2@example.edu", "guess"));
        }
        problem(429, () -> new ApiOf(a).login("student2@example.edu", Api.PASSWORD));
        problem(429, () -> new ApiOf(b).login("student2@example.edu", Api.PASSWORD));
    }

    @Test
    void a_configured_secret_shorter_than_32_characters_stops_the_start() {
        BeanInstantiationException e = assertThrows(BeanInstantiationException.class,
                () -> start(settings(Map.of("paperclub.sessions.secret", "too-short"))));
        assertTrue(String.valueOf(e.getMessage()).contains("at least 32"), e.getMessage());
    }

    private Map<String, Object> settings(Map<String, String> more) {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("micronaut.server.port", -1);
        settings.put("paperclub.password.bcrypt-cost", 4);
        settings.put("paperclub.demo.activity", false);
        settings.putAll(more);
        return settings;
    }

    private EmbeddedServer start(Map<String, Object> settings) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
        open.add(0, () -> stop(server));
        return server;
    }

    private static void stop(EmbeddedServer server) {
        if (server.getApplicationContext().isRunning()) {
            server.getApplicationContext().close();
        }
    }

    private BlockingHttpClient http(EmbeddedServer server) {
        // Made by the server's context, so that it reads problem+json as the app's tests do.
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        open.add(0, client);
        return client.toBlocking();
    }

    private Api.Session signIn(EmbeddedServer server, String email) {
        HttpResponse<Map<String, Object>> response = http(server).exchange(
                HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", Api.PASSWORD)), MAP);
        return new Api.Session(http(server), response.getCookie("PAPERCLUB_SESSION").orElseThrow().getValue(),
                (String) response.body().get("csrfToken"));
    }

    /** The same browser (cookie and CSRF token) sent to another instance. */
    private Api.Session on(EmbeddedServer server, Api.Session session) {
        return new Api.Session(http(server), session.cookie(), session.csrf());
    }

    private final class ApiOf {
        private final BlockingHttpClient http;

        ApiOf(EmbeddedServer server) {
            this.http = http(server);
        }

        void login(String email, String password) {
            http.exchange(HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password)), MAP);
        }
    }
}
