package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlMatches;

/** An instructor starts next term's course on the page: by copying this term's, or by importing a course file. */
@MicronautTest
class CourseStartPageTest extends BrowserTest {

    static final String SMALL = """
            format: paperclub-course/1
            course: {code: PAGE 1, title: Imported on the page, term: Spring 2027, timeZone: America/New_York}
            papers:
              - {key: p1, title: Paper One}
            sessions:
              - {number: 1, date: 2026-01-20, start: "10:00", end: "11:15", topic: Opening, assigned: [p1]}
              - {number: 2, date: 2026-01-22, start: "10:00", end: "11:15", topic: Second}
            """;

    void date(String id, String value) {
        // The browser's date picker is typed differently in each locale; set the value as the picker would.
        WebElement input = browser.driver.findElement(By.id(id));
        ((JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
    }

    long openedCourseId() {
        browser.waiting().until(urlMatches("#/courses/\\d+$"));
        String url = browser.driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void an_instructor_copies_a_course_into_a_new_term_and_every_session_keeps_its_weekday() {
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/2");
        browser.await(By.id("copy-link")).click();
        browser.await(By.id("copy-form"));
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/new");
        assertEquals("2", browser.driver.findElement(By.id("copy-source")).getDomProperty("value"), "the course it was opened from");
        WebElement code = browser.driver.findElement(By.id("copy-code"));
        code.clear();
        code.sendKeys("CS 6785 S27");
        browser.driver.findElement(By.id("copy-term")).sendKeys("Spring 2027");
        date("copy-first-day", "2027-01-25");
        browser.driver.findElement(By.id("breaks-leave-out")).click();
        browser.driver.findElement(By.id("copy-tas")).click();
        browser.driver.findElement(By.id("copy-course")).click();

        long id = openedCourseId();
        browser.waiting().until(textToBePresentInElementLocated(By.id("course-term"), "Spring 2027"));
        Api.Session instructor = instructor();
        List<Map<String, Object>> old = instructor.list("/api/courses/2/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind"))).toList();
        List<Map<String, Object>> copied = instructor.list("/api/courses/" + id + "/sessions");
        assertEquals(old.size(), copied.size(), "breaks left out, every class there");
        assertEquals(LocalDate.of(2027, 1, 25), LocalDate.parse((String) copied.get(0).get("date")));
        for (int i = 0; i < old.size(); i++) {
            DayOfWeek was = LocalDate.parse((String) old.get(i).get("date")).getDayOfWeek();
            assertEquals(was, LocalDate.parse((String) copied.get(i).get("date")).getDayOfWeek(), "class " + (i + 1));
            assertEquals(old.get(i).get("topic"), copied.get(i).get("topic"));
        }
        assertTrue(instructor.list("/api/courses/" + id + "/roster").stream().anyMatch(p -> "ta@example.edu".equals(p.get("email"))));
    }

    @Test
    void a_bad_course_file_is_refused_with_its_line_and_a_good_one_opens_as_the_new_course() {
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/");
        browser.await(By.id("new-course-link")).click();
        WebElement text = browser.await(By.id("course-text"));
        text.sendKeys(SMALL.replace("  - {key: p1, title: Paper One}", "  - {key: p1, title: Paper One\n  - broken: ["));
        browser.driver.findElement(By.id("import-course")).click();
        WebElement problem = browser.await(By.cssSelector("#import-course-error .problem"));
        assertTrue(problem.getText().matches("(?s).*[Ll]ine \\d+.*"), problem.getText());
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/new with a refused file");

        text.clear();
        text.sendKeys(SMALL);
        date("import-first-day", "2027-01-18");
        browser.driver.findElement(By.id("import-course")).click();
        long id = openedCourseId();
        browser.waiting().until(textToBePresentInElementLocated(By.cssSelector("#main h1"), "PAGE 1"));
        List<Map<String, Object>> sessions = instructor().list("/api/courses/" + id + "/sessions");
        assertEquals("2027-01-19", sessions.get(0).get("date"), "Tuesday of the new first week, as in the file");
        assertEquals("2027-01-21", sessions.get(1).get("date"));
    }

    @Test
    void the_start_page_is_usable_at_phone_width() {
        browser.signIn(base, "instructor@example.edu");
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.open(base, "#/courses/new");
            browser.await(By.id("import-course-form"));
            long overflow = (Long) ((JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0, overflow, "nothing wider than the phone");
            Axe.assertNoSeriousFindings(browser.driver, "#/courses/new at 390 px");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }
}
