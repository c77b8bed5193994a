package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;
import org.paperclub.support.TestPlatform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grade passback against a platform double: publishing queues one score per student and line item, the sender
 * posts it once with the body and media type AGS asks for, an outage loses nothing, two senders never post a row twice,
 * and a refusal is kept with the platform's answer. Every test links its own new course to its own LMS course.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.lti.poll-interval", value = "1h")
// Small batches, so that two senders at once take turns claiming rows.
@Property(name = "paperclub.lti.batch", value = "2")
class GradePassbackTest extends ApiTest {

    @Inject
    LinkedCourse linking;
    @Inject
    ScoreSender sender;
    @Inject
    ScoreClaims claims;
    @Inject
    LineItems lineItems;
    @Inject
    LtiContextRepository contexts;
    @Inject
    Registrations registrations;
    @Inject
    ServiceTokens tokens;
    @Inject
    PlatformHttp http;
    @Inject
    Clock appClock;

    private TestPlatform platform;
    private Registration registration;
    private int courses;

    @BeforeAll
    void aRegisteredPlatform() {
        platform = new TestPlatform().serveServices(linking.toolJwksUrl());
        registration = linking.register(platform);
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    @AfterEach
    void platformUpAgain() {
        platform.outage(false);
        platform.refuseScores(0, null);
        platform.scoreDelay(Duration.ZERO);
        platform.onScore(null);
    }

    /** A course whose one presentation session was yesterday, graded on presentations alone, with its context. */
    private record Linked(long id, String base, String contextId, long session, List<Long> students, List<Long> papers) {
    }

    /**
     * Students 1..n enrolled, each but the last known to the platform as "lti-&lt;contextId&gt;-&lt;n&gt;" (the last never
     * launched from it), linked to the LMS course {@code contextId}.
     */
    private Linked course(String contextId, int n) {
        String yaml = PresentedYesterday.courseFile("AGS " + (++courses), "Grades to the LMS", n);
        Api.Session instructor = instructor();
        long id = Api.id(instructor.post("/api/courses/import", yaml, "application/yaml").body());
        String base = "/api/courses/" + id;
        List<Long> students = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            students.add(Api.longOf(Api.mapOf(instructor.post(base + "/roster", Map.of("email", "student" + i + "@example.edu")).body(),
                    "entry"), "userId"));
            if (i < n) {
                linking.identity(platform, "lti-" + contextId + "-" + i, "student" + i + "@example.edu");
            }
        }
        linking.link(platform, registration, contextId, id);
        Map<String, Object> session = instructor.list(base + "/sessions").get(0);
        List<Long> papers = Api.listOf(session, "readings").stream().map(r -> Api.longOf(r, "paperId")).toList();
        return new Linked(id, base, contextId, Api.id(session), students, papers);
    }

    /** Student i (1-based) presents paper i and gets {@code points} of 10; returns the presentation id. */
    private long grade(Linked c, int i, double points) {
        Api.Session instructor = instructor();
        long presentation = Api.id(instructor.post(c.base() + "/sessions/" + c.session() + "/presentations",
                Map.of("paperId", c.papers().get(i - 1), "studentId", c.students().get(i - 1))).body());
        regrade(c, presentation, points);
        return presentation;
    }

    private void regrade(Linked c, long presentation, double points) {
        Api.Session instructor = instructor();
        instructor.http().retrieve(instructor.authorize(HttpRequest.PUT(c.base() + "/grades/presentations/" + presentation,
                Map.of("points", points))), String.class);
    }

    private void publish(Linked c) {
        instructor().post(c.base() + "/sessions/" + c.session() + "/grades/publish", Map.of());
    }

    private List<TestPlatform.Score> scores(Linked c) {
        return platform.scores().stream().filter(s -> s.lineItem().startsWith(platform.lineItemsUrl(c.contextId()) + "/")).toList();
    }

    private long agsRequests(Linked c) {
        return platform.requests().stream().filter(r -> r.path().startsWith("/ags/" + c.contextId() + "/")).count();
    }

    private Map<String, Object> passback(Linked c) {
        return instructor().get(c.base() + "/lti/grades");
    }

    @Test
    void publishing_posts_exactly_one_score_per_student_with_the_body_and_media_type_of_ags() {
        Linked c = course("publish", 3);
        grade(c, 1, 9);
        grade(c, 2, 8);
        grade(c, 3, 7);
        assertEquals(0, Api.intOf(passback(c), "queued"), "drafts are not sent");

        publish(c);
        assertEquals(2, Api.intOf(passback(c), "queued"), "two students known to the LMS; the third never came from it");
        sender.sendDue();

        List<TestPlatform.Score> posted = scores(c);
        assertEquals(2, posted.size(), posted.toString());
        List<Map<String, Object>> items = platform.lineItems("publish");
        assertEquals(1, items.size(), "one line item: Participation");
        assertEquals("Participation", items.get(0).get("label"));
        assertEquals("paperclub-participation", items.get(0).get("resourceId"));
        assertEquals(100L, ((Number) items.get(0).get("scoreMaximum")).longValue());
        TestPlatform.Score first = posted.stream().filter(s -> s.body().get("userId").equals("lti-publish-1")).findFirst().orElseThrow();
        assertEquals(TestPlatform.SCORE, first.contentType());
        assertEquals(items.get(0).get("id"), first.lineItem());
        assertEquals(90.0, ((Number) first.body().get("scoreGiven")).doubleValue(), 0.001);
        assertEquals(100.0, ((Number) first.body().get("scoreMaximum")).doubleValue(), 0.001);
        assertEquals("Completed", first.body().get("activityProgress"));
        assertEquals("FullyGraded", first.body().get("gradingProgress"));
        assertTrue(((String) first.body().get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)"),
                first.body().toString());
        Map<String, Object> view = passback(c);
        assertEquals(2, Api.intOf(view, "sent"));
        assertEquals(0, Api.intOf(view, "queued"));
        assertEquals(1, Api.listOf(view, "lineItems").size());
    }

    @Test
    void publishing_again_or_sending_again_with_no_change_posts_nothing_new_and_a_changed_grade_posts_a_newer_score() {
        Linked c = course("again", 3);
        long first = grade(c, 1, 9);
        grade(c, 2, 8);
        publish(c);
        sender.sendDue();
        assertEquals(2, scores(c).size());

        publish(c);
        Map<String, Object> resent = instructor().post(c.base() + "/lti/grades/sync", Map.of()).body();
        assertEquals(0, Api.intOf(resent, "queued"), resent.toString());
        assertEquals(2, Api.intOf(resent, "unchanged"));
        sender.sendDue();
        assertEquals(2, scores(c).size(), "nothing posted twice");

        regrade(c, first, 10);
        sender.sendDue();
        List<TestPlatform.Score> posted = scores(c);
        assertEquals(3, posted.size(), "a published grade changed goes to the LMS too");
        TestPlatform.Score newer = posted.get(2);
        assertEquals(100.0, ((Number) newer.body().get("scoreGiven")).doubleValue(), 0.001);
        TestPlatform.Score older = posted.stream().filter(s -> s.body().get("userId").equals("lti-again-1")).findFirst().orElseThrow();
        assertTrue(((String) newer.body().get("timestamp")).compareTo((String) older.body().get("timestamp")) > 0,
                "the newer score's timestamp is later, or the LMS would ignore it");
    }

    @Test
    void an_outage_loses_nothing_the_sender_backs_off_and_posts_once_after_recovery() {
        Linked c = course("outage", 3);
        grade(c, 1, 9);
        grade(c, 2, 6);
        clock.set(Instant.now());
        platform.outage(true);
        publish(c);

        assertEquals(0, sender.sendDue());
        long tried = agsRequests(c);
        Map<String, Object> view = passback(c);
        assertEquals(2, Api.intOf(view, "queued"), view.toString());
        assertTrue(String.valueOf(view.get("lastError")).contains("503"), "staff see why: " + view.get("lastError"));

        clock.advance(Duration.ofSeconds(10));
        sender.sendDue();
        assertEquals(tried, agsRequests(c), "not tried again before the back-off is over");
        clock.advance(Duration.ofSeconds(25));
        sender.sendDue();
        assertTrue(agsRequests(c) > tried, "tried again after 30 seconds");
        long triedTwice = agsRequests(c);
        clock.advance(Duration.ofSeconds(40));
        sender.sendDue();
        assertEquals(triedTwice, agsRequests(c), "the second wait is a minute");

        platform.outage(false);
        clock.advance(Duration.ofMinutes(5));
        assertEquals(2, sender.sendDue());
        clock.advance(Duration.ofHours(1));
        sender.sendDue();
        assertEquals(2, scores(c).size(), "each score posted once");
        assertEquals(1, platform.lineItems("outage").size(), "and the line item made once");
        assertEquals(2, Api.intOf(passback(c), "sent"));
    }

    @Test
    void a_newer_score_supersedes_one_still_queued_and_only_the_latest_is_posted() {
        Linked c = course("supersede", 2);
        long talk = grade(c, 1, 5);
        clock.set(Instant.now());
        platform.outage(true);
        publish(c);
        sender.sendDue();
        regrade(c, talk, 7);
        regrade(c, talk, 8);

        platform.outage(false);
        clock.advance(Duration.ofMinutes(5));
        sender.sendDue();

        List<TestPlatform.Score> posted = scores(c);
        assertEquals(1, posted.size(), posted.toString());
        assertEquals(80.0, ((Number) posted.get(0).body().get("scoreGiven")).doubleValue(), 0.001);
    }

    @Test
    void two_senders_at_once_never_post_the_same_score_twice() throws Exception {
        Linked c = course("race", 9);
        for (int i = 1; i <= 9; i++) {
            grade(c, i, i);
        }
        publish(c);
        platform.scoreDelay(Duration.ofMillis(30));
        ScoreSender other = new ScoreSender(claims, lineItems, contexts, registrations, tokens, http, appClock, 2);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ScoreSender s = i % 2 == 0 ? sender : other;
            calls.add(s::sendDue);
        }

        List<Integer> sent = Race.run(calls, 4);

        assertEquals(8, sent.stream().mapToInt(Integer::intValue).sum(), sent.toString());
        List<TestPlatform.Score> posted = scores(c);
        assertEquals(8, posted.size());
        assertEquals(8, posted.stream().map(s -> s.body().get("userId")).distinct().count());
        assertTrue(sent.stream().filter(n -> n > 0).count() >= 1, sent.toString());
        assertEquals(1, platform.lineItems("race").size());
    }

    @Test
    void a_sender_posts_only_while_its_claim_holds_and_leaves_the_rest_to_a_fresh_claim() {
        Linked c = course("slow-lms", 3);
        for (int i = 1; i <= 2; i++) {
            grade(c, i, 5 + i);
        }
        clock.set(Instant.now());
        publish(c);
        // Each post takes six minutes of the app's clock: a slow LMS, against a claim of five minutes.
        List<String> postedUnclaimed = new java.util.concurrent.CopyOnWriteArrayList<>();
        platform.onScore(() -> {
            Instant now = appClock.instant();
            try (var db = jdbc(); var q = db.prepareStatement("select student_id from lti_score_outbox where status = 'QUEUED' "
                    + "and claimed_until is not null and claimed_until <= ? and student_id in (?, ?)")) {
                q.setObject(1, now.atOffset(ZoneOffset.UTC));
                for (int i = 0; i < 2; i++) {
                    q.setLong(2 + i, c.students().get(i));
                }
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        postedUnclaimed.add("student " + rs.getLong(1) + " at " + now);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            clock.advance(Duration.ofMinutes(6));
        });
        ScoreSender oneBatch = new ScoreSender(claims, lineItems, contexts, registrations, tokens, http, appClock, 10);

        assertEquals(2, oneBatch.sendDue());

        assertEquals(List.of(), postedUnclaimed, "a post made after its row's claim had run out (another sender may have it)");
        assertEquals(2, scores(c).size());
        assertEquals(2, scores(c).stream().map(s -> s.body().get("userId")).distinct().count());
    }

    @Test
    void a_score_the_platform_refuses_fails_for_good_with_its_answer_shown() {
        Linked c = course("refused", 2);
        grade(c, 1, 9);
        clock.set(Instant.now());
        platform.refuseScores(400, "{\"error\":\"The user lti-refused-1 is not a learner in this course\"}");
        publish(c);
        sender.sendDue();
        long tried = agsRequests(c);
        clock.advance(Duration.ofHours(1));
        sender.sendDue();

        assertEquals(tried, agsRequests(c), "not tried again");
        Map<String, Object> view = passback(c);
        assertEquals(1, Api.intOf(view, "failed"));
        Map<String, Object> failure = Api.listOf(view, "failures").get(0);
        assertEquals("Student 1", failure.get("student"));
        assertTrue(((String) failure.get("error")).contains("Test LMS refused the score (HTTP 400)"), failure.toString());
        assertEquals("Test LMS refused the score (HTTP 400): The user lti-refused-1 is not a learner in this course.",
                failure.get("error"), "the platform's own sentence, out of its JSON");
    }

    @Test
    void after_three_days_of_outage_the_sender_gives_up_and_says_so() {
        Linked c = course("gives-up", 2);
        grade(c, 1, 9);
        clock.set(Instant.now());
        platform.outage(true);
        publish(c);
        sender.sendDue();
        for (int h = 0; h < 74; h++) {
            clock.advance(Duration.ofHours(1));
            sender.sendDue();
        }
        Map<String, Object> view = passback(c);
        assertEquals(1, Api.intOf(view, "failed"), view.toString());
        assertTrue(((String) Api.listOf(view, "failures").get(0).get("error")).startsWith("Gave up after 3 days"), view.toString());
    }

    @Test
    void each_component_gets_its_own_line_item_when_the_course_asks_and_only_instructors_change_that() {
        Linked c = course("components", 2);
        Api.problem(403, () -> student(1).put(c.base() + "/lti/grades/settings", Map.of("perComponent", true)));
        Map<String, Object> view = instructor().put(c.base() + "/lti/grades/settings", Map.of("perComponent", true)).body();
        assertEquals(true, view.get("perComponent"));
        grade(c, 1, 7);
        publish(c);
        sender.sendDue();

        List<Map<String, Object>> items = platform.lineItems("components");
        assertEquals(List.of("paperclub-participation", "paperclub-presentation"), items.stream().map(i -> i.get("resourceId")).toList());
        assertEquals(2, scores(c).size(), "one score per line item");
    }
}
