package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page as a person uses it: sign in, read the schedule; staff, and only staff, get the edit controls. */
@MicronautTest
class SchedulePageTest extends BrowserTest {

    @Test
    void a_student_sees_the_schedule_without_edit_controls() {
        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/1");
        WebElement schedule = browser.await(By.id("schedule"));
        List<WebElement> sessions = schedule.findElements(By.cssSelector("[data-session-number]"));
        assertEquals(29, sessions.size());
        assertTrue(browser.await(By.id("course-title")).getText().contains("Machine Learning at Scale"));
        // Past sessions (sessions 4 and 13 among them) are folded away until the student asks for them.
        assertFalse(schedule.findElement(By.cssSelector("[data-session-number='4']")).isDisplayed());
        browser.driver.findElement(By.id("toggle-past")).click();
        WebElement cancelled = schedule.findElement(By.cssSelector("[data-session-number='13']"));
        assertTrue(cancelled.getText().contains("No class"), cancelled.getText());
        // Mid-term demo: some sessions are past, exactly one is the next class.
        assertFalse(schedule.findElements(By.cssSelector("[data-session-number].past")).isEmpty());
        assertEquals(1, schedule.findElements(By.cssSelector("[data-session-number].next")).size());
        WebElement four = schedule.findElement(By.cssSelector("[data-session-number='4']"));
        assertTrue(four.getText().contains("Attention is all you need"), four.getText());
        assertTrue(browser.driver.findElements(By.cssSelector(".staff-control")).isEmpty(),
                "a student sees no edit control");
    }

    @Test
    void the_schedule_still_renders_when_the_database_holds_impossible_dates() throws Exception {
        // Rows the API refuses today but an older version or a hand-made SQL fix could have stored.
        try (var db = jdbc(); var insert = db.prepareStatement("insert into class_session (course_id, number, session_date,"
                + " start_time, end_time, topic, kind) values (1, ?, ?, time '14:00:00', time '15:15:00', ?, 'LECTURE')")) {
            Object[][] rows = {{97, java.time.LocalDate.of(57443, 12, 30), "Year 57443"},
                    {98, java.time.LocalDate.of(-1, 1, 1), "Year minus one"}, {99, java.time.LocalDate.of(1, 1, 1), "Year one"}};
            for (Object[] row : rows) {
                insert.setInt(1, (Integer) row[0]);
                insert.setObject(2, row[1]);
                insert.setString(3, (String) row[2]);
                insert.executeUpdate();
            }
            // As any hand-made change to what the schedule shows must (README): the instances keep the schedule
            // per version of it.
            db.createStatement().executeUpdate("update course set schedule_version = schedule_version + 1 where id = 1");
        }
        try {
            browser.signIn(base, "student1@example.edu");
            browser.open(base, "#/courses/1");
            WebElement schedule = browser.await(By.id("schedule"));
            assertEquals(32, schedule.findElements(By.cssSelector("[data-session-number]")).size());
            WebElement far = schedule.findElement(By.cssSelector("[data-session-number='97']"));
            assertTrue(far.getText().contains("Year 57443"), far.getText());
            browser.driver.findElement(By.id("toggle-past")).click();
            WebElement four = schedule.findElement(By.cssSelector("[data-session-number='4']"));
            assertTrue(four.getText().contains("Attention is all you need"), four.getText());
        } finally {
            try (var db = jdbc(); var delete = db.createStatement()) {
                delete.executeUpdate("delete from class_session where course_id = 1 and number in (97, 98, 99)");
                delete.executeUpdate("update course set schedule_version = schedule_version + 1 where id = 1");
            }
        }
    }

    @Test
    void the_instructor_sees_edit_controls_and_cancels_a_class_from_the_page() {
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/1");
        WebElement schedule = browser.await(By.id("schedule"));
        assertFalse(browser.driver.findElements(By.cssSelector(".staff-control")).isEmpty());
        browser.await(By.id("add-session"));
        WebElement session = schedule.findElement(By.cssSelector("[data-session-number='20']"));
        String id = session.getAttribute("data-session-id");
        browser.driver.findElement(By.id("edit-" + id)).click();
        new org.openqa.selenium.support.ui.Select(browser.await(By.id("sf-" + id + "-kind"))).selectByValue("NO_CLASS");
        WebElement topic = browser.driver.findElement(By.id("sf-" + id + "-topic"));
        topic.clear();
        topic.sendKeys("Cancelled: instructor travelling");
        topic.submit();
        browser.waiting().until(ExpectedConditions.attributeToBe(
                By.cssSelector("[data-session-number='20']"), "data-kind", "NO_CLASS"));
        assertEquals("NO_CLASS", student().get("/api/courses/1/sessions/" + id).get("kind"), "the change was saved");
        assertEquals("Cancelled: instructor travelling", student().get("/api/courses/1/sessions/" + id).get("topic"));
    }
}
