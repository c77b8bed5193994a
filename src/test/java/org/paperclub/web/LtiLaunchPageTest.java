package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;

/**
 * A real LTI launch in Chromium: the LMS (a {@link TestPlatform}) starts the login, its authorization endpoint answers
 * with its auto-posting form, and the browser lands on Paperclub's pages: the instructor's first launch links a new
 * course and opens it. Inside the LMS's frame: where the LMS is the same site as Paperclub (both on 127.0.0.1) the
 * cookie works and the course opens in the frame; where it is another site (its pages on localhost), the browser does
 * not send Paperclub's cookie there, and the student is offered a new window that opens the course.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class LtiLaunchPageTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final int PORT = freePort();
    /** The app's address as the LMS and the browser know it: the launch is posted to it. */
    private static final String SITE = "http://127.0.0.1:" + PORT;

    private TestPlatform lms;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.server.port", String.valueOf(PORT), "paperclub.public-url", SITE);
    }

    @BeforeAll
    void platform() throws SQLException {
        lms = new TestPlatform();
        try (Connection c = jdbc()) {
            register(c, lms);
        }
    }

    @AfterAll
    void closePlatform() {
        if (lms != null) {
            lms.close();
        }
    }

    @Test
    void an_instructors_first_launch_links_a_new_course_and_opens_it_then_a_student_goes_straight_in() throws SQLException {
        lms.nextLaunch("prof", lms.launchClaims("prof-b", "Barbara Liskov", "barbara@lms.example.edu", "ctx-b",
                "Seminar on Systems", INSTRUCTOR));
        browser.driver.get(SITE + "/lti/login?" + query(lms.loginInitiation("prof", SITE + "/lti/launch")));

        browser.await(By.xpath("//h1[contains(., 'Set up Paperclub for Seminar on Systems')]"));
        shot("lti-link-course");
        browser.driver.findElement(By.cssSelector("input[name=course][value=new]")).click();
        browser.driver.findElement(By.id("code")).clear();
        browser.driver.findElement(By.id("code")).sendKeys("SYS-7");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("course-title"), "SYS-7: Seminar on Systems"));
        long courseId = courseOf("ctx-b");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/#/courses/" + courseId), browser.driver.getCurrentUrl());
        shot("lti-course-after-launch");

        lms.nextLaunch("student", lms.launchClaims("stu-b", "Sam Student", "sam@lms.example.edu", "ctx-b", "Seminar on Systems", LEARNER));
        browser.driver.get(SITE + "/lti/login?" + query(lms.loginInitiation("student", SITE + "/lti/launch")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("course-title"), "SYS-7"));
        assertEquals("sam@lms.example.edu", ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/me').then(r => r.json()).then(me => done(me.email))").toString());
    }

    @Test
    void inside_the_frame_of_an_lms_on_another_site_the_student_continues_in_a_new_window() throws SQLException {
        long courseId = linkedCourse("ctx-frame");
        // The LMS's pages are on localhost, its login and keys on 127.0.0.1 (as Canvas's are on two hosts): only the
        // launch's return_url tells Paperclub who frames it.
        String lmsPages = lms.url().replace("127.0.0.1", "localhost");
        Map<String, Object> claims = lms.launchClaims("stu-f", "Frida Framed", "frida@lms.example.edu", "ctx-frame", "Framed", LEARNER);
        claims.put(TestPlatform.LTI + "launch_presentation", Map.of("document_target", "iframe", "return_url", lmsPages + "/course/return"));
        lms.nextLaunch("framed", claims);
        serveCoursePage("framed");

        browser.driver.get(lmsPages + "/course");
        browser.driver.switchTo().frame("tool");
        browser.await(By.id("landing-continue"));
        assertTrue(browser.driver.findElement(By.id("landing-blocked")).getText().contains("Your browser blocked Paperclub inside LMS at Example U"));
        browser.driver.switchTo().defaultContent();
        shot("lti-blocked-in-frame");

        String lmsWindow = browser.driver.getWindowHandle();
        browser.driver.switchTo().frame("tool");
        browser.driver.findElement(By.id("landing-continue")).click();
        browser.waiting().until(d -> d.getWindowHandles().size() == 2);
        List<String> handles = new ArrayList<>(browser.driver.getWindowHandles());
        handles.remove(lmsWindow);
        browser.driver.switchTo().window(handles.get(0));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("course-title"), "CTX-FRAME"));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/#/courses/" + courseId), browser.driver.getCurrentUrl());
        browser.driver.close();
        browser.driver.switchTo().window(lmsWindow);
    }

    @Test
    void inside_the_frame_of_an_lms_on_the_same_site_the_course_opens_in_the_frame() throws SQLException {
        long courseId = linkedCourse("ctx-same");
        lms.nextLaunch("same", lms.launchClaims("stu-s", "Sol Same", "sol@lms.example.edu", "ctx-same", "Same", LEARNER));
        serveCoursePage("same");

        browser.driver.get(lms.url() + "/course");
        browser.driver.switchTo().frame("tool");
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("course-title"), "CTX-SAME"));
        String inFrame = String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("return location.href"));
        assertTrue(inFrame.equals(SITE + "/#/courses/" + courseId), inFrame);
        browser.driver.switchTo().defaultContent();
        shot("lti-course-in-frame");
    }

    @Test
    void an_instructor_places_a_link_to_the_board_and_the_lms_receives_it() throws Exception {
        long courseId = linkedCourse("ctx-dl");
        Map<String, Object> claims = lms.launchClaims("prof-ctx-dl", "Prof", "prof-ctx-dl@lms.example.edu", "ctx-dl", "Framed", INSTRUCTOR);
        claims.put(TestPlatform.LTI + "message_type", "LtiDeepLinkingRequest");
        claims.remove(TestPlatform.LTI + "resource_link");
        claims.put(TestPlatform.DL_CLAIM, Map.of("deep_link_return_url", lms.url() + "/dl/return", "accept_types", List.of("ltiResourceLink"),
                "accept_presentation_document_targets", List.of("iframe"), "accept_multiple", true, "data", "dl-data"));
        lms.handle("/dl/return", ex -> TestPlatform.respond(ex, 200, "text/html; charset=utf-8",
                "<!doctype html><title>LMS</title><h1 id=\"received\">The LMS received the links</h1>"));
        lms.nextLaunch("dl", claims);
        browser.driver.get(SITE + "/lti/login?" + query(lms.loginInitiation("dl", SITE + "/lti/launch")));

        browser.await(By.xpath("//h1[contains(., 'Place Paperclub in LMS at Example U')]"));
        browser.driver.findElement(By.cssSelector("input[name=page][value=course]")).click();
        browser.driver.findElement(By.cssSelector("input[name=page][value=board]")).click();
        shot("lti-deep-linking");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.await(By.id("received"));
        TestPlatform.Received posted = lms.requests().stream().filter(r -> r.path().equals("/dl/return")).reduce((a, b) -> b).orElseThrow();
        String jwt = TestPlatform.params(posted.body()).get("JWT");
        List<Object> items = com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet()
                .getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertEquals(1, items.size());
        assertEquals(SITE + "/lti/launch?page=board", ((Map<?, ?>) items.get(0)).get("url"));
        assertTrue(courseId > 0);
    }

    @Test
    void a_student_before_the_course_is_set_up_and_an_unknown_lms_each_get_a_page_that_says_so() {
        lms.nextLaunch("early", lms.launchClaims("stu-e", "Eve Early", "eve@lms.example.edu", "ctx-none", "None yet", LEARNER));
        browser.driver.get(SITE + "/lti/login?" + query(lms.loginInitiation("early", SITE + "/lti/launch")));
        browser.await(By.xpath("//p[contains(., 'Your instructor has not set up Paperclub for this course yet.')]"));
        shot("lti-not-set-up");

        Map<String, String> unknown = new java.util.LinkedHashMap<>(lms.loginInitiation("x", SITE + "/lti/launch"));
        unknown.put("iss", "https://unknown-lms.example");
        browser.driver.get(SITE + "/lti/login?" + query(unknown));
        browser.await(By.xpath("//p[contains(., 'Paperclub does not know this LMS')]"));
        browser.driver.findElement(By.tagName("summary")).click();
        shot("lti-refused");
    }

    // Fixtures

    /** The LMS's course page: Paperclub in a frame, started by the login initiation for {@code loginHint}. */
    private void serveCoursePage(String loginHint) {
        String login = SITE + "/lti/login?" + query(lms.loginInitiation(loginHint, SITE + "/lti/launch"));
        lms.handle("/course", ex -> TestPlatform.respond(ex, 200, "text/html; charset=utf-8",
                "<!doctype html><title>LMS course</title><h1>LMS: the course</h1><iframe id=\"tool\" name=\"tool\" width=\"1000\" "
                        + "height=\"700\" src=\"" + login.replace("&", "&amp;") + "\"></iframe>"));
    }

    /** An LMS course linked to a new course (by its instructor's launch, outside the browser). */
    private long linkedCourse(String contextId) throws SQLException {
        lms.nextLaunch("setup", lms.launchClaims("prof-" + contextId, "Prof", "prof-" + contextId + "@lms.example.edu", contextId,
                "Framed", INSTRUCTOR));
        browser.driver.get(SITE + "/lti/login?" + query(lms.loginInitiation("setup", SITE + "/lti/launch")));
        browser.await(By.cssSelector("input[name=course][value=new]")).click();
        browser.driver.findElement(By.id("code")).clear();
        browser.driver.findElement(By.id("code")).sendKeys(contextId.toUpperCase());
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("course-title"), contextId.toUpperCase()));
        // The person in front of the LMS next is someone else: the instructor's cookies go.
        browser.driver.manage().deleteAllCookies();
        return courseOf(contextId);
    }

    private long courseOf(String contextId) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select course_id from lti_context where context_id = '" + contextId + "'")) {
            assertTrue(r.next(), contextId + " is known");
            return r.getLong(1);
        }
    }

    private static void register(Connection c, TestPlatform p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into lti_registration (name, issuer, client_id, auth_login_url, "
                + "access_token_url, jwks_url, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setString(1, "LMS at Example U");
            s.setString(2, p.issuer());
            s.setString(3, p.clientId);
            s.setString(4, p.authLoginUrl());
            s.setString(5, p.accessTokenUrl());
            s.setString(6, p.jwksUrl());
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys(); PreparedStatement d = c.prepareStatement(
                    "insert into lti_deployment (registration_id, deployment_id) values (?, ?)")) {
                keys.next();
                d.setLong(1, keys.getLong(1));
                d.setString(2, p.deploymentId);
                d.executeUpdate();
            }
        }
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path file = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
