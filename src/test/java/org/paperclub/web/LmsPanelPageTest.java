package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.people.Identities;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.member;

/** Staff sync the roster from the LMS on the roster page, and see and set the grade passback in the LMS panel. */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.lti.poll-interval", value = "1h")
class LmsPanelPageTest extends BrowserTest {

    private static final String SCOPES = TestPlatform.SCOPE_LINEITEM + " " + TestPlatform.SCOPE_SCORE;

    @Inject
    Identities identities;

    private TestPlatform platform;

    /** The demo course linked to an LMS course of a registered platform, as an instructor's launch would leave it. */
    @BeforeAll
    void aLinkedCourse() throws Exception {
        platform = new TestPlatform().serveServices(server.getURL() + "/lti/jwks");
        platform.roster("seminar", List.of(member("lms-1", "Student One", "student1@example.edu", "Active", LEARNER),
                member("lms-new", "Nadia New", "nadia@lms.example.edu", "Active", LEARNER)), 10);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = jdbc()) {
            PreparedStatement reg = c.prepareStatement("insert into lti_registration (name, issuer, client_id, auth_login_url, "
                    + "access_token_url, jwks_url, created_at, updated_at) values ('Campus LMS', ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            reg.setString(1, platform.issuer());
            reg.setString(2, platform.clientId);
            reg.setString(3, platform.authLoginUrl());
            reg.setString(4, platform.accessTokenUrl());
            reg.setString(5, platform.jwksUrl());
            reg.setTimestamp(6, now);
            reg.setTimestamp(7, now);
            reg.executeUpdate();
            ResultSet keys = reg.getGeneratedKeys();
            keys.next();
            long registration = keys.getLong(1);
            linkDemoCourse(c, registration, "seminar", "Reading Seminar (LMS)", "SEM", now);
            // A second LMS course linked by mistake (last year's), which an instructor unlinks.
            linkDemoCourse(c, registration, "last-year", "Reading Seminar 2025 (LMS)", "SEM25", now);
            // The passback as it stands after a publish during an LMS outage: one score sent, one refused, one waiting.
            long context;
            try (ResultSet r = c.createStatement().executeQuery("select id from lti_context where context_id = 'seminar'")) {
                r.next();
                context = r.getLong(1);
            }
            long student1 = identities.resolve(platform.issuer(), "lms-1", "student1@example.edu", true, null).id();
            long student2 = identities.resolve(platform.issuer(), "lms-2", "student2@example.edu", true, null).id();
            long student3 = identities.resolve(platform.issuer(), "lms-3", "student3@example.edu", true, null).id();
            PreparedStatement score = c.prepareStatement("insert into lti_score_outbox (course_id, context_id, resource_id, label, tag, "
                    + "student_id, lti_user_id, score_given, score_maximum, activity_progress, grading_progress, score_timestamp, "
                    + "status, attempts, created_at, next_attempt_at, sent_at, last_error) values (?, ?, 'paperclub-participation', "
                    + "'Participation', 'participation', ?, ?, 90, 100, 'Completed', 'FullyGraded', ?, ?, 1, ?, ?, ?, ?)");
            Object[][] rows = {
                    {student1, "lms-1", "SENT", now, null},
                    {student2, "lms-2", "FAILED", null, "Campus LMS refused the score (HTTP 400): lms-2 is not a learner in this course."},
                    {student3, "lms-3", "QUEUED", null, "Campus LMS could not take the score now (HTTP 503): Service Unavailable."}};
            for (Object[] row : rows) {
                score.setLong(1, DEMO);
                score.setLong(2, context);
                score.setLong(3, (Long) row[0]);
                score.setString(4, (String) row[1]);
                score.setTimestamp(5, now);
                score.setString(6, (String) row[2]);
                score.setTimestamp(7, now);
                score.setTimestamp(8, now);
                score.setTimestamp(9, (Timestamp) row[3]);
                score.setString(10, (String) row[4]);
                score.executeUpdate();
            }
        }
    }

    @AfterAll
    void closePlatform() {
        if (platform != null) { // not made when browser tests are turned off
            platform.close();
        }
    }

    @Test
    void a_ta_syncs_the_roster_from_the_lms_and_sees_what_it_did() throws Exception {
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/" + DEMO + "/roster");
        browser.await(By.id("sync-roster")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lms-roster-result"), "1 added"));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#roster tr th")));
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster"), "Nadia New"));
        assertTrue(browser.driver.findElement(By.id("status")).getText().contains("Roster synced from the LMS"));
        browser.screenshot("lms-roster-sync");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1/roster with the LMS sync");
    }

    @Test
    void an_instructor_unlinks_an_lms_course_by_keyboard_after_a_confirm_step_that_says_what_happens() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + DEMO + "/grades");
        WebElement unlink = browser.await(By.cssSelector("button[aria-label='Unlink Reading Seminar 2025 (LMS) on Campus LMS']"));
        unlink.sendKeys(Keys.ENTER);
        WebElement confirm = browser.await(By.cssSelector("#lms-links .confirm-step"));
        assertEquals(confirm, browser.driver.switchTo().activeElement(), "the question has the focus, to be read out");
        String question = confirm.getText();
        assertTrue(question.contains("Unlink “Reading Seminar 2025 (LMS)” on Campus LMS? Its roster and grades stop syncing"), question);
        assertTrue(question.contains("Nothing in Paperclub is deleted") && question.contains("chooses the course again"), question);
        assertTrue(question.contains("The next roster sync from the other LMS course on Campus LMS withdraws the students "
                + "who were only in this one"), "another LMS course of that platform stays linked, so it says what its sync will do: " + question);
        confirm.sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#lms-links .confirm-step")));
        assertEquals(unlink, browser.driver.switchTo().activeElement(), "Escape gives focus back to the Unlink button");

        unlink.sendKeys(Keys.ENTER);
        browser.await(By.cssSelector("#lms-links .confirm-step"));
        bothWidths("lms-unlink-confirm", "#lms-links .confirm-step");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1/grades asking to unlink an LMS course");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement yes = browser.driver.switchTo().activeElement();
        assertEquals("Yes, unlink", yes.getText());
        yes.sendKeys(Keys.ENTER);

        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lms-message"),
                "Unlinked “Reading Seminar 2025 (LMS)” on Campus LMS."));
        assertEquals("lms-message", browser.driver.switchTo().activeElement().getAttribute("id"));
        String left = browser.driver.findElement(By.id("lms-links")).getText();
        assertTrue(left.contains("Reading Seminar (LMS)") && !left.contains("2025"), left);
        try (Connection c = jdbc(); ResultSet r = c.createStatement().executeQuery(
                "select course_id from lti_context where context_id = 'last-year'")) {
            assertTrue(r.next());
            r.getLong(1);
            assertTrue(r.wasNull(), "unlinked in the database");
        }
        bothWidths("lms-unlinked", "#lms-message");
    }

    @Test
    void a_ta_sees_the_linked_lms_courses_but_no_unlink_button() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/" + DEMO + "/grades");
        browser.await(By.id("lms-links"));
        assertTrue(browser.driver.findElements(By.cssSelector("#lms-links button")).isEmpty());
    }

    /** Screenshots at desktop and phone width ({name}-desktop, {name}-phone), each with {@code selector} in view. */
    private void bothWidths(String name, String selector) throws Exception {
        org.openqa.selenium.Dimension desktop = browser.driver.manage().window().getSize();
        String scroll = "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})";
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(scroll, selector);
        Thread.sleep(150);
        browser.screenshot(name + "-desktop");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        try {
            Thread.sleep(300);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(scroll, selector);
            Thread.sleep(150);
            browser.screenshot(name + "-phone");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    @Test
    void an_instructor_sees_the_link_and_chooses_a_column_per_component_in_the_lms_panel() throws Exception {
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + DEMO + "/grades");
        browser.await(By.id("lms-links"));
        assertTrue(browser.driver.findElement(By.id("lms-links")).getText().contains("Reading Seminar (LMS) on Campus LMS"));
        browser.driver.findElement(By.id("lms-per-component")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lms-message"), "its own grade column"));
        browser.driver.findElement(By.id("lms-send-again")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lms-message"), "queued for the LMS"));
        assertTrue(browser.driver.findElement(By.id("lms-grades-state")).getText().contains("1 score sent, 1 waiting, 1 refused"));
        assertTrue(browser.driver.findElement(By.id("lms-failures")).getText().contains("lms-2 is not a learner in this course"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('lms-panel').scrollIntoView()");
        browser.screenshot("lms-panel");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1/grades with the LMS panel");
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('lms-panel').scrollIntoView()");
        browser.screenshot("lms-panel-phone");
    }

    /** A context of the test platform linked to the demo course, as an instructor's first launch leaves it. */
    private void linkDemoCourse(Connection c, long registration, String contextId, String title, String label,
                                Timestamp now) throws SQLException {
        PreparedStatement ctx = c.prepareStatement("insert into lti_context (registration_id, deployment_id, context_id, "
                + "course_id, title, label, memberships_url, lineitems_url, ags_scopes, created_at, updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ctx.setLong(1, registration);
        ctx.setString(2, platform.deploymentId);
        ctx.setString(3, contextId);
        ctx.setLong(4, DEMO);
        ctx.setString(5, title);
        ctx.setString(6, label);
        ctx.setString(7, platform.membershipsUrl(contextId));
        ctx.setString(8, platform.lineItemsUrl(contextId));
        ctx.setString(9, SCOPES);
        ctx.setTimestamp(10, now);
        ctx.setTimestamp(11, now);
        ctx.executeUpdate();
    }
}
