package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.TEACHING_ASSISTANT;

/**
 * LTI 1.3 launches that succeed: the login's redirect, an instructor's first launch linking or creating the course,
 * students and TAs entering a linked course with their LMS role, the new-window sign-in, and a platform key rotation.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class LaunchTest extends LtiLaunchTest {

    /** The site's administrator, who also has an account in the LMS under the same address. */
    static final String ROOT = "root@example.edu";

    @Inject
    LaunchEvents events;

    @Inject
    org.paperclub.people.PeopleService people;

    private long rootId;

    @Override
    Map<String, String> moreProperties() {
        return Map.of("paperclub.test.launch-events", "true", "paperclub.admin-emails", ROOT);
    }

    @Override
    String platformName() {
        return "Canvas at Example U";
    }

    @BeforeAll
    void theSiteAdministrator() {
        // Outside the tests' transactions, which the app's own requests would wait on.
        rootId = people.createAccount(ROOT, "Rita Root", people.hashPassword(Api.PASSWORD), false).id();
    }

    @Test
    void the_login_redirects_to_the_platform_with_the_oidc_parameters_and_a_fresh_state_and_nonce() {
        LtiDriver.Login one = driver.login(lms, "hint-a", driver.target());
        LtiDriver.Login two = driver.login(lms, "hint-a", driver.target());

        assertEquals(302, one.answer().status());
        assertTrue(one.answer().header("location").startsWith(lms.authLoginUrl() + "?"));
        Map<String, String> p = one.params();
        assertEquals("openid", p.get("scope"));
        assertEquals("id_token", p.get("response_type"));
        assertEquals("form_post", p.get("response_mode"));
        assertEquals("none", p.get("prompt"));
        assertEquals(lms.clientId, p.get("client_id"));
        assertEquals(SITE + "/lti/launch", p.get("redirect_uri"));
        assertEquals("hint-a", p.get("login_hint"));
        assertEquals("message-hint-a", p.get("lti_message_hint"));
        assertTrue(p.get("state").length() >= 22 && p.get("nonce").length() >= 22, "at least 128 random bits each");
        assertFalse(one.state().equals(two.state()) || one.nonce().equals(two.nonce()));
        assertTrue(one.answer().cookie(LaunchController.BROWSER_COOKIE).isPresent(), "the state is bound to the browser too");
    }

    @Test
    void a_login_sent_as_a_form_post_works_as_well() {
        LtiDriver.Answer a = driver.post("/lti/login", lms.loginInitiation("hint-post", driver.target()));
        assertEquals(302, a.status());
        assertTrue(a.header("location").contains("login_hint=hint-post"));
    }

    @Test
    void an_instructors_first_launch_offers_to_link_and_creating_the_course_links_it_and_signs_them_in() throws SQLException {
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-1", "Ada Lovelace", "ada@lms.example.edu",
                "ctx-create", "Seminar on Learning Systems", INSTRUCTOR));
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("Set up Paperclub for Seminar on Learning Systems"), first.body());
        assertTrue(first.cookie("PAPERCLUB_SESSION").isEmpty(), "not signed in before a course is chosen");

        LtiDriver.Answer linked = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new",
                "code", "CTX-CREATE", "title", "Seminar on Learning Systems", "term", "Spring 2027", "timeZone", "America/New_York"));
        assertEquals(200, linked.status(), linked.body());
        long courseId = courseOf("ctx-create");
        assertEquals("/#/courses/" + courseId, linked.landingPath());

        Api.Session ada = linked.session(client.toBlocking());
        Map<String, Object> me = ada.get("/api/me");
        assertEquals("ada@lms.example.edu", me.get("email"));
        Map<String, Object> course = ada.get("/api/courses/" + courseId);
        assertEquals("CTX-CREATE", course.get("code"));
        assertEquals("INSTRUCTOR", course.get("role"));
        assertTrue(events.heard.stream().anyMatch(e -> e.courseId() == courseId && e.byInstructor()));

        LtiDriver.Answer again = driver.launch(lms, lms.launchClaims("prof-1", "Ada Lovelace", "ada@lms.example.edu",
                "ctx-create", "Seminar on Learning Systems", INSTRUCTOR));
        assertEquals("/#/courses/" + courseId, again.landingPath(), "a second launch goes straight in");
    }

    @Test
    void an_instructor_links_a_course_they_already_teach_in_paperclub() throws SQLException {
        // The LMS's address for the demo instructor is the account's: a registered platform's e-mail links accounts.
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-demo", "Demo Instructor", "instructor@example.edu",
                "ctx-existing", "Existing course", INSTRUCTOR));
        assertTrue(first.body().contains("value=\"" + DEMO + "\""), "the course they teach is offered:\n" + first.body());

        LtiDriver.Answer linked = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", String.valueOf(DEMO)));
        assertEquals("/#/courses/" + DEMO, linked.landingPath());
        assertEquals(DEMO, courseOf("ctx-existing"));
        assertEquals("instructor@example.edu", linked.session(client.toBlocking()).get("/api/me").get("email"));
    }

    @Test
    void a_student_launch_before_the_course_is_linked_says_so_and_creates_nothing() throws SQLException {
        Map<String, Long> before = counts();
        LtiDriver.Answer a = driver.launch(lms, lms.launchClaims("early-student", "Early Bird", "early@lms.example.edu",
                "ctx-unlinked", "Not yet", LEARNER));
        assertEquals(200, a.status());
        assertTrue(a.body().contains("Your instructor has not set up Paperclub for this course yet."), a.body());
        assertTrue(a.cookie("PAPERCLUB_SESSION").isEmpty());
        assertEquals(before, counts());
    }

    @Test
    void after_linking_students_and_tas_enter_with_their_lms_role_and_a_link_may_open_the_board() throws SQLException {
        long courseId = linkedCourse("ctx-roles");

        LtiDriver.Answer student = driver.launch(lms, lms.launchClaims("stu-1", "Grace Hopper", "grace@lms.example.edu",
                "ctx-roles", "Roles", LEARNER));
        assertEquals("/#/courses/" + courseId, student.landingPath());
        assertEquals("STUDENT", student.session(client.toBlocking()).get("/api/courses/" + courseId).get("role"));

        LtiDriver.Answer ta = driver.launch(lms, lms.launchClaims("ta-1", "Alan Turing", "alan@lms.example.edu",
                "ctx-roles", "Roles", TEACHING_ASSISTANT, INSTRUCTOR));
        assertEquals("TA", ta.session(client.toBlocking()).get("/api/courses/" + courseId).get("role"));

        Map<String, Object> claims = lms.launchClaims("stu-1", "Grace Hopper", "grace@lms.example.edu", "ctx-roles", "Roles", LEARNER);
        claims.put(TestPlatform.LTI + "target_link_uri", LaunchTest.SITE + "/lti/launch?page=board");
        assertEquals("/#/courses/" + courseId + "/signups", driver.launch(lms, claims).landingPath());
    }

    @Test
    void the_launch_fills_the_lms_course_with_its_title_and_service_endpoints() throws SQLException {
        linkedCourse("ctx-services");
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select title, label, memberships_url, lineitems_url, ags_scopes from lti_context "
                     + "where context_id = 'ctx-services'")) {
            assertTrue(r.next());
            assertEquals("Services", r.getString(1));
            assertEquals("CTX-SERVICES", r.getString(2));
            assertEquals(lms.url() + "/nrps/ctx-services", r.getString(3));
            assertEquals(lms.url() + "/ags/ctx-services/lineitems", r.getString(4));
            assertTrue(r.getString(5).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        }
    }

    @Test
    void a_linked_lms_course_is_not_relinked_by_another_instructors_choice() throws SQLException {
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-a", "Prof A", "a@lms.example.edu", "ctx-race", "Race", INSTRUCTOR));
        LtiDriver.Answer second = driver.launch(lms, lms.launchClaims("prof-b", "Prof B", "b@lms.example.edu", "ctx-race", "Race", INSTRUCTOR));
        LtiDriver.Answer a = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new",
                "code", "RACE-A", "title", "Race", "term", "Spring 2027", "timeZone", "UTC"));
        long linked = courseOf("ctx-race");

        LtiDriver.Answer b = driver.post("/lti/link", Map.of("ticket", second.field("ticket"), "course", "new",
                "code", "RACE-B", "title", "Race", "term", "Spring 2027", "timeZone", "UTC"));
        assertEquals("/#/courses/" + linked, b.landingPath(), "B enters the course A linked");
        assertEquals(linked, courseOf("ctx-race"));
        assertEquals(0, count("select count(*) from course where code = 'RACE-B'"), "B's course was not made");
        assertEquals("INSTRUCTOR", b.session(client.toBlocking()).get("/api/courses/" + linked).get("role"));
        assertEquals(200, a.status());
    }

    @Test
    void a_new_course_with_a_taken_code_shows_the_form_again_with_the_reason() throws SQLException {
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-dup", "Prof D", "d@lms.example.edu", "ctx-dup", "Dup", INSTRUCTOR));
        Map<String, String> form = Map.of("ticket", first.field("ticket"), "course", "new", "code", "DUP", "title", "Dup",
                "term", "Spring 2027", "timeZone", "Mars/Olympus");
        LtiDriver.Answer bad = driver.post("/lti/link", form);
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("is not a time zone"), bad.body());
        assertNull(courseOfOrNull("ctx-dup"));

        LtiDriver.Answer good = driver.post("/lti/link", Map.of("ticket", bad.field("ticket"), "course", "new", "code", "DUP",
                "title", "Dup", "term", "Spring 2027", "timeZone", "Europe/Berlin"));
        assertEquals("/#/courses/" + courseOf("ctx-dup"), good.landingPath());
        assertEquals(400, driver.post("/lti/link", form).status(), "the ticket is used up");
    }

    @Test
    void a_new_course_refused_for_a_misspelt_time_zone_keeps_what_the_instructor_typed_and_their_choice_of_a_new_course() throws SQLException {
        // An instructor who teaches a course already: the page offers it first. Sent back the suggestion (UTC, the LMS's
        // title) with the existing course checked, one more click would link the wrong course or make one in UTC.
        linkedCourse("ctx-typed");
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-ctx-typed", "Prof ctx-typed", "prof-ctx-typed@lms.example.edu",
                "ctx-typed-2", "Second Seminar", INSTRUCTOR));
        LtiDriver.Answer bad = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new", "code", "TYPED-2",
                "title", "Reading Group, as I call it", "term", "Fall 2027", "timeZone", "America/NewYork"));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("is not a time zone"), bad.body());
        assertTrue(bad.body().contains("value=\"America/NewYork\""), bad.body());
        assertTrue(bad.body().contains("value=\"Reading Group, as I call it\""), bad.body());
        assertTrue(bad.body().contains("value=\"TYPED-2\"") && bad.body().contains("value=\"Fall 2027\""), bad.body());
        assertTrue(bad.body().contains("value=\"new\" checked"), "a new course stays chosen: " + bad.body());
    }

    @Test
    void a_role_paperclub_has_no_place_for_is_refused_with_a_sentence() throws SQLException {
        linkedCourse("ctx-mentor");
        Map<String, Long> before = counts();
        LtiDriver.Answer a = driver.launch(lms, lms.launchClaims("mentor-1", "Parent", "parent@lms.example.edu", "ctx-mentor",
                "Mentor", "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"));
        assertEquals(403, a.status());
        assertTrue(a.body().contains("your role in this LMS course is none of these"), a.body());
        assertEquals(before, counts());
    }

    @Test
    void the_new_window_link_signs_in_once_and_opens_the_course() throws SQLException {
        long courseId = linkedCourse("ctx-window");
        LtiDriver.Answer landing = driver.launch(lms, lms.launchClaims("stu-w", "Window", "w@lms.example.edu", "ctx-window", "W", LEARNER));
        String href = landing.body().replaceAll("(?s).*id=\"landing-continue\" class=\"button\" href=\"([^\"]+)\".*", "$1");
        assertTrue(href.startsWith("/lti/continue/"), landing.body());

        LtiDriver.Answer opened = driver.get(href);
        assertEquals(303, opened.status());
        assertEquals("/#/courses/" + courseId, opened.header("location"));
        assertEquals("w@lms.example.edu", opened.session(client.toBlocking()).get("/api/me").get("email"));

        LtiDriver.Answer again = driver.get(href);
        assertEquals(400, again.status());
        assertTrue(again.cookie("PAPERCLUB_SESSION").isEmpty());
    }

    @Test
    void a_new_window_link_that_another_site_sends_the_browser_to_signs_no_one_in() throws SQLException {
        // A student's own link, planted on another site (or sent in a chat) within its two minutes, would sign whoever
        // follows it in as that student: what they then upload or sign up for would be the student's.
        linkedCourse("ctx-planted");
        LtiDriver.Answer landing = driver.launch(lms, lms.launchClaims("stu-p", "Mallory", "mallory-p@lms.example.edu", "ctx-planted", "P", LEARNER));
        String href = landing.body().replaceAll("(?s).*id=\"landing-continue\" class=\"button\" href=\"([^\"]+)\".*", "$1");

        for (String from : List.of("cross-site", "same-site", "none")) {
            LtiDriver.Answer followed = driver.get(href, Map.of("Sec-Fetch-Site", from));
            assertEquals(403, followed.status(), from);
            assertTrue(followed.cookie("PAPERCLUB_SESSION").isEmpty(), from);
            assertTrue(followed.body().contains("only from the Paperclub page in your LMS"), followed.body());
        }
        assertEquals(303, driver.get(href, Map.of("Sec-Fetch-Site", "same-origin")).status(), "the landing page's own link still works");
    }

    @Test
    void an_lms_account_with_the_site_administrators_address_does_not_become_the_site_administrator() throws SQLException {
        // Any LMS user who can set their own address there (Moodle with e-mail change confirmation off, a sandbox
        // account) would otherwise sign in here as the site's administrator and register platforms.
        long courseId = linkedCourse("ctx-root");
        LtiDriver.Answer a = driver.launch(lms, lms.launchClaims("stu-root", "Not Rita", ROOT, "ctx-root", "Root", LEARNER));
        assertEquals("/#/courses/" + courseId, a.landingPath());
        Map<String, Object> me = a.session(client.toBlocking()).get("/api/me");
        assertFalse(rootId == Api.id(me), "signed in as the administrator: " + me);
        assertEquals(false, me.get("siteAdmin"), me::toString);
    }

    @Test
    void after_the_platform_rotates_its_key_the_keys_are_fetched_once_more_and_the_launch_is_accepted() throws SQLException {
        long courseId = linkedCourse("ctx-rotate");
        int fetches = lms.jwksFetches();
        lms.rotateKey();
        LtiDriver.Answer a = driver.launch(lms, lms.launchClaims("stu-r", "Rotated", "r@lms.example.edu", "ctx-rotate", "R", LEARNER));
        assertEquals("/#/courses/" + courseId, a.landingPath());
        assertEquals(fetches + 1, lms.jwksFetches());

        driver.launch(lms, lms.launchClaims("stu-r", "Rotated", "r@lms.example.edu", "ctx-rotate", "R", LEARNER));
        assertEquals(fetches + 1, lms.jwksFetches(), "the new set is kept");
    }

    @Test
    void the_lms_that_launched_may_frame_the_launch_pages_and_the_app_but_no_other_site_may() throws SQLException {
        long courseId = linkedCourse("ctx-frames");
        Map<String, Object> claims = lms.launchClaims("stu-fr", "Framed", "fr@lms.example.edu", "ctx-frames", "Frames", LEARNER);
        claims.put(TestPlatform.LTI + "launch_presentation", Map.of("document_target", "iframe",
                "return_url", "https://school.lms.example/courses/7/external_content/success"));
        LtiDriver.Login login = driver.login(lms, "hint-frames", driver.target());
        claims.put("nonce", login.nonce());
        LtiDriver.Answer landing = driver.post("/lti/launch", LtiDriver.form(Map.of("id_token", lms.sign(claims), "state", login.state())),
                Map.of("Origin", "http://127.0.0.1:4444"));
        assertEquals("/#/courses/" + courseId, landing.landingPath());
        String policy = landing.header("content-security-policy");
        assertTrue(policy.contains("frame-ancestors 'self' " + lms.url()), policy);
        assertTrue(policy.contains("https://school.lms.example") && policy.contains("http://127.0.0.1:4444"), policy);
        assertNull(landing.header("x-frame-options"));

        String shell = driver.get("/").header("content-security-policy");
        assertTrue(shell.contains("frame-ancestors 'self'") && shell.contains("https://school.lms.example"), shell);
        LtiDriver.Answer script = driver.get("/app.js");
        assertTrue(script.header("content-security-policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", script.header("x-frame-options"));
    }

    @Test
    void a_student_who_posts_their_own_launch_from_another_site_does_not_make_the_app_frameable_by_that_site() throws SQLException {
        // A student holds a valid id_token of their own (the platform's form shows it to them) and posts it from a page
        // of theirs: the browser's Origin is then their site, which the platform never vouched for. (A loopback origin:
        // Micronaut refuses a foreign Origin on a server bound to localhost.)
        long courseId = linkedCourse("ctx-stranger");
        Map<String, Object> claims = lms.launchClaims("stu-x", "Mallory", "mallory@lms.example.edu", "ctx-stranger", "Stranger", LEARNER);
        LtiDriver.Login login = driver.login(lms, "hint-stranger", driver.target());
        claims.put("nonce", login.nonce());
        LtiDriver.Answer landing = driver.post("/lti/launch", LtiDriver.form(Map.of("id_token", lms.sign(claims), "state", login.state())),
                Map.of("Origin", "http://localhost:6666"));
        assertEquals("/#/courses/" + courseId, landing.landingPath());

        String shell = driver.get("/").header("content-security-policy");
        assertFalse(shell.contains("localhost:6666"), "every user's app page would be frameable by the student's site: " + shell);
    }

    // Fixtures

    /** An LMS course linked to a new Paperclub course by its instructor's first launch; the course's id. */
    private long linkedCourse(String contextId) throws SQLException {
        String title = contextId.substring(4, 5).toUpperCase() + contextId.substring(5);
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-" + contextId, "Prof " + contextId,
                "prof-" + contextId + "@lms.example.edu", contextId, title, INSTRUCTOR));
        LtiDriver.Answer linked = driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new",
                "code", contextId.toUpperCase(), "title", title, "term", "Spring 2027", "timeZone", "UTC"));
        assertEquals(200, linked.status(), linked.body());
        return courseOf(contextId);
    }

    private long courseOf(String contextId) throws SQLException {
        Long id = courseOfOrNull(contextId);
        assertTrue(id != null, "context " + contextId + " is linked");
        return id;
    }

    private Long courseOfOrNull(String contextId) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select course_id from lti_context where context_id = '" + contextId + "'")) {
            if (!r.next()) {
                return null;
            }
            long id = r.getLong(1);
            return r.wasNull() ? null : id;
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Map<String, Long> counts() throws SQLException {
        try (Connection c = jdbc()) {
            return LtiDriver.counts(c);
        }
    }
}
