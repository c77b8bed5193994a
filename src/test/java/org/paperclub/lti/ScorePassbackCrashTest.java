package org.paperclub.lti;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperclub.support.Api;
import org.paperclub.support.AppProcess;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestDatabase;
import org.paperclub.support.TestPlatform;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published grade is never lost by a crash, and no stale one reaches the LMS: the real app in its own JVM, on the
 * shipped H2 file (or a PostgreSQL schema with -Dpaperclub.test.db=postgres), is killed with SIGKILL twice while its
 * scores wait for the LMS (a {@link TestPlatform}) and is started again on the same data each time.
 * <ol>
 * <li>The LMS is down: the scores are queued and backing off when the app dies.</li>
 * <li>The LMS is up but stalls: the sender has claimed every score and is posting the first when the app dies; the
 * LMS never takes that post. A grade changed meanwhile queued a newer score behind a claimed one.</li>
 * <li>The LMS answers at once: nothing is posted until the dead sender's lease lapses, then every student's latest
 * score is posted exactly once and the overtaken one never.</li>
 * </ol>
 */
class ScorePassbackCrashTest {

    private static final String CONTEXT = "crash";
    /**
     * Long enough that the third run starts while the second's claims still hold, and that a post made without waiting
     * for them to lapse would come visibly too early.
     */
    private static final Duration LEASE = Duration.ofSeconds(20);
    private static final Duration CLAIM_TO_POST = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void scores_queued_or_claimed_when_the_app_is_killed_reach_the_lms_after_a_restart_once_each_and_only_the_latest(
            @TempDir Path dir) throws Exception {
        Map<String, String> database = new HashMap<>(TestDatabase.fresh());
        String schema = database.remove("paperclub.test.schema");
        Map<String, String> settings = new HashMap<>(database);
        if (!TestDatabase.postgres()) {
            // The shipped H2 URL (application.yml) in a data folder of our own: exactly what a deployment runs.
            settings.clear();
            settings.put("paperclub.data-dir", dir.resolve("data").toString());
        }
        settings.put("paperclub.demo.files", ApiTest.ACCOUNTS_ONLY);
        settings.put("paperclub.lti.poll-interval", "200ms");
        settings.put("paperclub.lti.first-retry", "1s");
        settings.put("paperclub.lti.lease", LEASE.toSeconds() + "s");
        // The stalled post must still be waiting for its answer when the app is killed.
        settings.put("paperclub.lti.service-timeout", "5m");
        // One port for every run: the platform checks the tool's token requests against its key set at this address.
        settings.put(AppProcess.PORT, String.valueOf(AppProcess.freePort()));
        TestPlatform lms = new TestPlatform().serveServices("http://127.0.0.1:" + settings.get(AppProcess.PORT) + "/lti/jwks");
        AppProcess app = start(settings, 0);
        try {
            Course course = course(app.login("instructor@example.edu"));
            // Linking is a launch's work, which this test is not about: written while the app is stopped, as H2's file
            // is the running app's alone.
            app.close();
            link(settings, dir, lms, course);

            // 1. The LMS is down: the scores wait, backing off.
            lms.outage(true);
            app = start(settings, 1);
            AppProcess.User first = app.login("instructor@example.edu");
            sendText(first, "POST", course.base() + "/sessions/" + course.session() + "/grades/publish", "application/json", Map.of());
            awaitTrue("the sender met the outage", () -> String.valueOf(view(first, course).get("lastError")).contains("503"));
            assertEquals(3, Api.intOf(view(first, course), "queued"));
            app.kill();

            // 2. The LMS is up but holds every score: the sender claims them all and hangs on the first.
            lms.outage(false);
            lms.holdScores();
            app = start(settings, 2);
            awaitTrue("a score was being posted", () -> lms.scoresHeld() == 1);
            // The claim came just before this post: a token and a line item, well within CLAIM_TO_POST.
            Instant claimed = Instant.now().minus(CLAIM_TO_POST);
            AppProcess.User second = app.login("instructor@example.edu");
            // Student 2's score is claimed, not yet posted: the correction queues a newer one behind it.
            sendText(second, "PUT", course.base() + "/grades/presentations/" + course.presentations().get(1), "application/json",
                    Map.of("points", 10));
            assertEquals(4, Api.intOf(view(second, course), "queued"), "three claimed scores and the correction");
            assertTrue(Instant.now().isBefore(claimed.plus(LEASE)), "the claims were still leased at the kill");
            app.kill();
            lms.releaseScores(false);
            assertTrue(lms.scores().isEmpty(), "the LMS has taken nothing yet: " + lms.scores());

            // 3. The LMS answers at once.
            app = start(settings, 3);
            AppProcess.User third = app.login("instructor@example.edu");
            Instant[] firstScore = new Instant[1];
            awaitTrue("every score was sent", () -> {
                if (firstScore[0] == null && !lms.scores().isEmpty()) {
                    firstScore[0] = Instant.now();
                }
                return Api.intOf(view(third, course), "queued") == 0;
            });
            // A few more rounds of the sender: a duplicate would come now.
            Thread.sleep(1000);

            assertFalse(firstScore[0].isBefore(claimed.plus(LEASE)),
                    "nothing was posted while the dead sender's lease held: the first score came " + firstScore[0]
                            + ", the lease taken after " + claimed + " lasts " + LEASE);
            Map<String, List<Double>> posted = new TreeMap<>();
            for (TestPlatform.Score s : lms.scores()) {
                posted.computeIfAbsent((String) s.body().get("userId"), k -> new ArrayList<>())
                        .add(((Number) s.body().get("scoreGiven")).doubleValue());
            }
            assertEquals(Map.of("lti-crash-1", List.of(90.0), "lti-crash-2", List.of(100.0), "lti-crash-3", List.of(70.0)), posted,
                    "each student's latest grade, once; the overtaken 80 of student 2 never");
            assertEquals(1, lms.lineItems(CONTEXT).size(), "one Participation column");
            Map<String, Object> view = view(third, course);
            assertEquals(3, Api.intOf(view, "sent"), view.toString());
            assertEquals(0, Api.intOf(view, "failed"), view.toString());
        } finally {
            app.close();
            lms.close();
            TestDatabase.drop(schema);
        }
    }

    /** The course, its one past session, its three students and their presentations (graded 9, 8 and 7 of 10, drafts). */
    private record Course(long id, String base, long session, List<Long> students, List<Long> presentations) {
    }

    private static Course course(AppProcess.User instructor) throws IOException {
        String yaml = PresentedYesterday.courseFile("CRASH 1", "Grades through a crash", 3);
        long id = Api.id(send(instructor, "POST", "/api/courses/import", "application/yaml", yaml));
        String base = "/api/courses/" + id;
        List<Long> students = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            students.add(Api.longOf(Api.mapOf(send(instructor, "POST", base + "/roster", Map.of("email", "student" + i + "@example.edu")),
                    "entry"), "userId"));
        }
        Map<String, Object> session = instructor.get(base + "/sessions", new TypeReference<List<Map<String, Object>>>() { }).get(0);
        List<Long> papers = Api.listOf(session, "readings").stream().map(r -> Api.longOf(r, "paperId")).toList();
        List<Long> presentations = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long p = Api.id(send(instructor, "POST", base + "/sessions/" + Api.id(session) + "/presentations",
                    Map.of("paperId", papers.get(i), "studentId", students.get(i))));
            sendText(instructor, "PUT", base + "/grades/presentations/" + p, "application/json", Map.of("points", 9 - i));
            presentations.add(p);
        }
        return new Course(id, base, Api.id(session), students, presentations);
    }

    /** The platform, the course linked to its context {@value #CONTEXT}, and student i known to it as "lti-crash-i". */
    private static void link(Map<String, String> settings, Path dir, TestPlatform lms, Course course) throws SQLException {
        String url = TestDatabase.postgres() ? settings.get("paperclub.database.url")
                : "jdbc:h2:file:" + dir.resolve("data").resolve("db").resolve("paperclub").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        String user = TestDatabase.postgres() ? settings.get("paperclub.database.user") : "sa";
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            long registration = LtiDriver.register(c, lms, "Test LMS");
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement s = c.prepareStatement("insert into lti_context (registration_id, deployment_id, context_id, course_id, "
                    + "title, label, memberships_url, lineitems_url, ags_scopes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, registration);
                s.setString(2, lms.deploymentId);
                s.setString(3, CONTEXT);
                s.setLong(4, course.id());
                s.setString(5, "Course " + CONTEXT);
                s.setString(6, CONTEXT.toUpperCase());
                s.setString(7, lms.membershipsUrl(CONTEXT));
                s.setString(8, lms.lineItemsUrl(CONTEXT));
                s.setString(9, LinkedCourse.AGS_SCOPES);
                s.setTimestamp(10, now);
                s.setTimestamp(11, now);
                s.executeUpdate();
            }
            for (int i = 0; i < course.students().size(); i++) {
                try (PreparedStatement s = c.prepareStatement("insert into external_identity (issuer, subject, user_id, created_at, "
                        + "last_seen_at) values (?, ?, ?, ?, ?)")) {
                    s.setString(1, lms.issuer());
                    s.setString(2, "lti-" + CONTEXT + "-" + (i + 1));
                    s.setLong(3, course.students().get(i));
                    s.setTimestamp(4, now);
                    s.setTimestamp(5, now);
                    s.executeUpdate();
                }
            }
        }
    }

    private static Map<String, Object> view(AppProcess.User staff, Course course) {
        return staff.get(course.base() + "/lti/grades", new TypeReference<Map<String, Object>>() { });
    }

    private static Map<String, Object> send(AppProcess.User user, String method, String path, Object body) throws IOException {
        return AppProcess.json(sendText(user, method, path, "application/json", body));
    }

    private static Map<String, Object> send(AppProcess.User user, String method, String path, String type, Object body) throws IOException {
        return AppProcess.json(sendText(user, method, path, type, body));
    }

    /** The answer's text, after checking that it is a success. */
    private static String sendText(AppProcess.User user, String method, String path, String type, Object body) throws IOException {
        HttpResponse<String> r = user.send(method, path, type, body);
        assertTrue(r.statusCode() / 100 == 2, method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    private static void awaitTrue(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + WAIT.toSeconds() + " s and still not: " + what);
            Thread.sleep(100);
        }
    }

    private static AppProcess start(Map<String, String> settings, int run) {
        return AppProcess.start(settings, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "score-passback-crash-" + (TestDatabase.postgres() ? "postgres-" : "h2-") + run);
    }
}
