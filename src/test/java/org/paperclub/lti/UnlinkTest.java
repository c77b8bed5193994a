package org.paperclub.lti;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.TEACHING_ASSISTANT;

/**
 * An instructor unlinks an LMS course from their Paperclub course (a wrong choice at the first launch): only the
 * course's instructors may; the LMS course is then as if never linked (the next instructor launch chooses again, a
 * student is told it is not set up), its roster and grades stop, nothing Paperclub holds goes, and it can be linked to
 * another course or back to the same one. Every test uses its own LMS course of one platform, launched for real.
 */
@MicronautTest(transactional = false)
class UnlinkTest extends LtiLaunchTest {

    @Inject
    LinkedCourse linking;
    @Inject
    ScoreSender sender;
    @Inject
    ContextLinkRepository links;

    private int courses;

    @Override
    String platformName() {
        return "Moodle at Example U";
    }

    @Override
    Map<String, String> moreProperties() {
        // The sender runs when a test says so; one batch takes every score of a test.
        return Map.of("paperclub.demo.files", ApiTest.ACCOUNTS_ONLY, "paperclub.lti.poll-interval", "1h", "paperclub.lti.batch", "10");
    }

    @BeforeAll
    void theLmsServesRosterAndGrades() {
        lms.serveServices(server.getURL() + "/lti/jwks");
    }

    @AfterEach
    void noScoreHook() {
        lms.onScore(null);
    }

    @Test
    void only_the_courses_instructors_may_unlink_and_a_link_that_is_not_the_courses_is_not_found() throws SQLException {
        long link = linkToDemo("ctx-gate");
        ProfCourse other = newCourseByLaunch("ctx-gate-other");
        String demoLinks = "/api/courses/" + DEMO + "/lti/links/";

        Map<String, Object> p = Api.problem(403, () -> ta().delete(demoLinks + link));
        assertEquals("Only the instructors of this course can unlink an LMS course.", p.get("detail"));
        Api.problem(403, () -> student(2).delete(demoLinks + link));
        Api.problem(403, () -> other.prof().delete(demoLinks + link));
        p = Api.problem(404, () -> other.prof().delete("/api/courses/" + other.id() + "/lti/links/" + link));
        assertTrue(((String) p.get("detail")).startsWith("This course is not linked to that LMS course"), p.toString());
        Api.problem(404, () -> instructor().delete(demoLinks + other.link()));
        Api.problem(404, () -> instructor().delete(demoLinks + 987654));
        Api.problem(400, () -> instructor().delete(demoLinks + "the-first-one"));
        assertEquals(DEMO, courseOf("ctx-gate"), "still linked after every refusal");
        assertEquals(other.id(), courseOf("ctx-gate-other"));

        assertEquals(204, instructor().delete(demoLinks + link).code());
        assertNull(courseOf("ctx-gate"));
        Api.problem(404, () -> instructor().delete(demoLinks + link));
    }

    @Test
    void the_staff_list_of_linked_lms_courses_gives_each_links_id_and_loses_it_when_unlinked() throws SQLException {
        ProfCourse c = newCourseByLaunch("ctx-list");
        Map<String, Object> view = c.prof().get("/api/courses/" + c.id() + "/lti/grades");
        assertEquals(List.of(c.link()), Api.listOf(view, "contexts").stream().map(Api::id).toList());
        assertEquals("List", Api.listOf(view, "contexts").get(0).get("title"));

        c.prof().delete("/api/courses/" + c.id() + "/lti/links/" + c.link());

        assertEquals(List.of(), Api.listOf(c.prof().get("/api/courses/" + c.id() + "/lti/grades"), "contexts"));
        assertEquals(false, c.prof().get("/api/courses/" + c.id() + "/lti/roster-sync").get("linked"));
        Map<String, Object> p = Api.problem(409, () -> c.prof().post("/api/courses/" + c.id() + "/lti/roster-sync", Map.of()));
        assertTrue(((String) p.get("detail")).startsWith("This course is not linked to an LMS course"), p.toString());
    }

    @Test
    void after_unlinking_students_and_tas_are_told_it_is_not_set_up_and_the_next_instructor_launch_chooses_again() throws SQLException {
        ProfCourse c = newCourseByLaunch("ctx-again");
        LtiDriver.Answer in = driver.launch(lms, lms.launchClaims("stu-again", "Grace", "grace-again@lms.example.edu", "ctx-again",
                "Again", LEARNER));
        assertEquals("/#/courses/" + c.id(), in.landingPath());

        c.prof().delete("/api/courses/" + c.id() + "/lti/links/" + c.link());

        for (String[] who : List.of(new String[] {"stu-again", LEARNER}, new String[] {"ta-again", TEACHING_ASSISTANT})) {
            LtiDriver.Answer a = driver.launch(lms, lms.launchClaims(who[0], "Someone", who[0] + "@lms.example.edu", "ctx-again",
                    "Again", who[1]));
            assertEquals(200, a.status());
            assertTrue(a.body().contains("Your instructor has not set up Paperclub for this course yet."), a.body());
            assertTrue(a.cookie("PAPERCLUB_SESSION").isEmpty(), "no one is signed in");
        }
        LtiDriver.Answer prof = profLaunch("ctx-again");
        assertTrue(prof.body().contains("Set up Paperclub for Again"), prof.body());
        assertTrue(prof.cookie("PAPERCLUB_SESSION").isEmpty(), "not signed in before a course is chosen");
        assertTrue(prof.body().contains("value=\"" + c.id() + "\""), "the course unlinked is offered again:\n" + prof.body());

        // What Paperclub held stays: the student is still enrolled, with the account the LMS identity leads to.
        Map<String, Object> grace = c.prof().list("/api/courses/" + c.id() + "/roster").stream()
                .filter(e -> "grace-again@lms.example.edu".equals(e.get("email"))).findFirst().orElseThrow();
        assertEquals("STUDENT", grace.get("role"));
        assertEquals(false, grace.get("withdrawn"));
        assertEquals(1, count("select count(*) from external_identity where subject = 'stu-again'"));
    }

    @Test
    void an_unlinked_lms_course_can_be_linked_to_another_course_and_then_back_to_the_first() throws SQLException {
        ProfCourse first = newCourseByLaunch("ctx-relink");
        first.prof().delete("/api/courses/" + first.id() + "/lti/links/" + first.link());

        LtiDriver.Answer choice = profLaunch("ctx-relink");
        LtiDriver.Answer made = driver.post("/lti/link", Map.of("ticket", choice.field("ticket"), "course", "new",
                "code", "RELINK-2", "title", "The right section", "term", "Spring 2027", "timeZone", "UTC"));
        long second = courseOf("ctx-relink");
        assertFalse(second == first.id());
        assertEquals("/#/courses/" + second, made.landingPath());
        assertEquals("/#/courses/" + second, studentLaunch("stu-relink", "ctx-relink").landingPath());

        Api.Session prof = made.session(client.toBlocking());
        prof.delete("/api/courses/" + second + "/lti/links/" + first.link());
        choice = profLaunch("ctx-relink");
        LtiDriver.Answer back = driver.post("/lti/link", Map.of("ticket", choice.field("ticket"), "course", String.valueOf(first.id())));
        assertEquals("/#/courses/" + first.id(), back.landingPath());
        assertEquals(first.id(), courseOf("ctx-relink"));
        assertEquals("/#/courses/" + first.id(), studentLaunch("stu-relink", "ctx-relink").landingPath());
        assertEquals(1, count("select count(*) from lti_context where context_id = 'ctx-relink'"), "one LMS course, relinked");
    }

    @Test
    void scores_waiting_for_an_unlinked_lms_course_are_not_sent_and_linked_back_it_gets_every_grade_again() throws SQLException {
        Graded c = gradedCourse("ctx-scores", 3);
        publish(c);
        assertEquals(3, Api.intOf(passback(c), "queued"));

        instructor().delete(c.base() + "/lti/links/" + c.link());

        assertEquals(0, sender.sendDue());
        assertEquals(List.of(), scores("ctx-scores"), "nothing posted to the unlinked LMS course");
        Map<String, Object> view = passback(c);
        assertEquals(0, Api.intOf(view, "queued"), view.toString());
        assertEquals(List.of(), Api.listOf(view, "contexts"));
        assertEquals(0, count("select count(*) from lti_score_outbox where context_id = " + c.link()), "the waiting scores went");
        regrade(c, 1, 4);
        assertEquals(0, count("select count(*) from lti_score_outbox where context_id = " + c.link()), "nor are new ones queued");
        Map<String, Object> p = Api.problem(409, () -> instructor().post(c.base() + "/lti/grades/sync", Map.of()));
        assertTrue(((String) p.get("detail")).startsWith("This course is not linked to an LMS course"), p.toString());

        assertEquals(c.link(), linkTo("ctx-scores", c.id()), "linked back by its instructor's next launch");
        Map<String, Object> queued = instructor().post(c.base() + "/lti/grades/sync", Map.of()).body();
        assertEquals(3, Api.intOf(queued, "queued"), queued.toString());
        assertEquals(3, sender.sendDue());
        List<TestPlatform.Score> posted = scores("ctx-scores");
        assertEquals(3, posted.size());
        Number first = (Number) posted.stream().filter(s -> s.body().get("userId").equals("lti-ctx-scores-1")).findFirst().orElseThrow()
                .body().get("scoreGiven");
        assertEquals(40.0, first.doubleValue(), 0.001, "the grades Paperclub kept, as they are now (a regrade included)");
    }

    @Test
    void a_sender_that_claimed_scores_before_the_unlink_posts_none_after_it_but_the_one_already_on_its_way() throws SQLException {
        Graded c = gradedCourse("ctx-inflight", 3);
        publish(c);
        AtomicBoolean unlinked = new AtomicBoolean();
        // The first post reaches the LMS; while it is there, the instructor unlinks.
        lms.onScore(() -> {
            if (unlinked.compareAndSet(false, true)) {
                instructor().delete(c.base() + "/lti/links/" + c.link());
            }
        });

        sender.sendDue();

        assertTrue(unlinked.get());
        assertEquals(1, scores("ctx-inflight").size(), "only the post already begun when the unlink committed");
        assertEquals(0, Api.intOf(passback(c), "queued"));
        assertEquals(0, count("select count(*) from lti_score_outbox where status = 'QUEUED' and context_id = " + c.link()));
        assertEquals(0, sender.sendDue());
        assertEquals(1, scores("ctx-inflight").size());
    }

    @Test
    void a_launch_that_read_the_link_just_before_the_unlink_does_not_put_it_back() throws SQLException {
        ProfCourse c = newCourseByLaunch("ctx-stale");
        c.prof().delete("/api/courses/" + c.id() + "/lti/links/" + c.link());

        // What a launch writes about its LMS course after reading it (linked, a moment ago): the details, not the link.
        assertEquals(1, links.refresh(c.link(), "Stale title", null, null, null, null, Instant.now()));

        assertNull(courseOf("ctx-stale"));
        assertEquals("Stale title", storedTitle("ctx-stale"));
        assertEquals(1, links.link(c.link(), c.id(), Instant.now()), "and it can be linked again");
        assertEquals(c.id(), courseOf("ctx-stale"));
    }

    // Fixtures

    /** A course made from an LMS course by its instructor's first launch: its id, the link's id, the instructor signed in. */
    private record ProfCourse(long id, long link, Api.Session prof) {
    }

    private ProfCourse newCourseByLaunch(String contextId) throws SQLException {
        LtiDriver.Answer first = profLaunch(contextId);
        LtiDriver.Answer linked = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new",
                "code", contextId.toUpperCase(), "title", title(contextId), "term", "Spring 2027", "timeZone", "UTC"));
        assertEquals(200, linked.status(), linked.body());
        return new ProfCourse(courseOf(contextId), linkOf(contextId), linked.session(client.toBlocking()));
    }

    /** The demo instructor (the LMS has their address) links {@code contextId} to the course they teach; the link's id. */
    private long linkToDemo(String contextId) throws SQLException {
        return linkTo(contextId, DEMO);
    }

    private long linkTo(String contextId, long courseId) throws SQLException {
        quietRoster(contextId);
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-demo", "Demo Instructor", "instructor@example.edu",
                contextId, title(contextId), INSTRUCTOR));
        LtiDriver.Answer linked = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", String.valueOf(courseId)));
        assertEquals("/#/courses/" + courseId, linked.landingPath());
        return linkOf(contextId);
    }

    /** The launch of the LMS course's own instructor ("prof-&lt;contextId&gt;"). */
    private LtiDriver.Answer profLaunch(String contextId) {
        quietRoster(contextId);
        return driver.launch(lms, lms.launchClaims("prof-" + contextId, "Prof " + contextId, "prof-" + contextId + "@lms.example.edu",
                contextId, title(contextId), INSTRUCTOR));
    }

    /**
     * An instructor's launch syncs the roster in the background; here the LMS's roster fails, so that the sync changes
     * nothing while a test enrols people (an empty roster would withdraw the students the LMS knows).
     */
    private void quietRoster(String contextId) {
        lms.failRosterPage(contextId, 1);
    }

    private LtiDriver.Answer studentLaunch(String sub, String contextId) {
        return driver.launch(lms, lms.launchClaims(sub, "Student " + sub, sub + "@lms.example.edu", contextId, title(contextId), LEARNER));
    }

    /** "ctx-relink" is the LMS course "Relink". */
    private static String title(String contextId) {
        String rest = contextId.substring(4);
        return rest.substring(0, 1).toUpperCase() + rest.substring(1);
    }

    /** A course of the demo instructor whose students 1..n each presented yesterday and were graded n, n-1, ... of 10. */
    private record Graded(long id, String base, long link, long session, List<Long> presentations) {
    }

    private Graded gradedCourse(String contextId, int n) throws SQLException {
        String yaml = PresentedYesterday.courseFile("UNLINK " + (++courses), "Grades to the LMS", n);
        Api.Session instructor = instructor();
        long id = Api.id(instructor.post("/api/courses/import", yaml, "application/yaml").body());
        String base = "/api/courses/" + id;
        long link = linkTo(contextId, id);
        Map<String, Object> session = instructor.list(base + "/sessions").get(0);
        long sessionId = Api.id(session);
        List<Long> papers = Api.listOf(session, "readings").stream().map(r -> Api.longOf(r, "paperId")).toList();
        List<Long> presentations = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String email = "student" + i + "@example.edu";
            long student = Api.longOf(Api.mapOf(instructor.post(base + "/roster", Map.of("email", email)).body(), "entry"), "userId");
            linking.identity(lms, "lti-" + contextId + "-" + i, email);
            presentations.add(Api.id(instructor.post(base + "/sessions/" + sessionId + "/presentations",
                    Map.of("paperId", papers.get(i - 1), "studentId", student)).body()));
        }
        Graded c = new Graded(id, base, link, sessionId, presentations);
        for (int i = 1; i <= n; i++) {
            regrade(c, i, 11 - i);
        }
        return c;
    }

    /** Student i's presentation gets {@code points} of 10 (published grades are sent again). */
    private void regrade(Graded c, int i, double points) {
        Api.Session instructor = instructor();
        instructor.http().retrieve(instructor.authorize(HttpRequest.PUT(c.base() + "/grades/presentations/" + c.presentations().get(i - 1),
                Map.of("points", points))), String.class);
    }

    private void publish(Graded c) {
        instructor().post(c.base() + "/sessions/" + c.session() + "/grades/publish", Map.of());
    }

    private Map<String, Object> passback(Graded c) {
        return instructor().get(c.base() + "/lti/grades");
    }

    private List<TestPlatform.Score> scores(String contextId) {
        return lms.scores().stream().filter(s -> s.lineItem().startsWith(lms.lineItemsUrl(contextId) + "/")).toList();
    }

    private Long courseOf(String contextId) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select course_id from lti_context where context_id = '" + contextId + "'")) {
            assertTrue(r.next(), "a launch made the LMS course " + contextId);
            long id = r.getLong(1);
            return r.wasNull() ? null : id;
        }
    }

    private long linkOf(String contextId) throws SQLException {
        return count("select id from lti_context where context_id = '" + contextId + "'");
    }

    private String storedTitle(String contextId) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select title from lti_context where context_id = '" + contextId + "'")) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getLong(1);
        }
    }
}
