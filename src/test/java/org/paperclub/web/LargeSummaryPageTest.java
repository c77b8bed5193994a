package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/**
 * Staff of a large course read the grades summary 200 students at a time (drawing 2,000 rows froze the page at every
 * sort), in the order and filter they chose over every student; the policy line names only what the course asks for,
 * and a section already called "Section 7" is not shown as "Section Section 7".
 */
@MicronautTest
class LargeSummaryPageTest extends BrowserTest {

    private static final int STUDENTS = 230;

    @Test
    void the_summary_of_a_large_course_shows_200_students_then_the_rest_on_request() throws Exception {
        Api.Session instructor = instructor();
        long id = Api.id(instructor.post("/api/courses/import", GradeNamesPageTest.COURSE.replace("NAMES 1", "LARGE 1"),
                "application/yaml").body());
        StringBuilder csv = new StringBuilder("email,name,role,section\n");
        for (int i = 1; i <= STUDENTS; i++) {
            csv.append("large").append(i).append("@example.edu,Large Student ").append(i).append(",student,")
                    .append(i == 1 ? "Section 7" : i == 2 ? "0102" : "").append('\n');
        }
        instructor.post("/api/courses/" + id + "/roster/import", csv.toString(), "text/csv");

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id + "/grades");
        browser.waiting().until(textToBePresentInElementLocated(By.id("summary-more"), "200 of 230 students shown."));
        assertEquals(200, rows().size(), "200 rows drawn of 230");
        assertEquals("Show 30 more", browser.driver.findElement(By.id("summary-show-more")).getText());
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('summary-more').scrollIntoView({block: 'center'})");
        browser.screenshots("large-summary-more");

        // The order is over every student: descending by name puts the last of all 230 first.
        browser.driver.findElement(By.cssSelector("button[data-sort='name']")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.cssSelector("#grade-summary tbody tr"), "Large Student 230"));

        browser.driver.findElement(By.id("summary-show-more")).click();
        browser.waiting().until(numberOfElementsToBe(By.cssSelector("#grade-summary tbody tr"), STUDENTS));
        browser.waiting().until(invisibilityOfElementLocated(By.id("summary-more")));

        // A filter looks through every student and starts again from the first 200.
        WebElement filter = browser.driver.findElement(By.id("summary-filter"));
        filter.sendKeys("Large Student 1");
        browser.waiting().until(textToBePresentInElementLocated(By.id("summary-shown"), "students shown."));
        List<String> names = rows().stream().map(r -> r.findElement(By.cssSelector("th a")).getText()).toList();
        assertTrue(names.contains("Large Student 199") && names.stream().allMatch(n -> n.startsWith("Large Student 1")), names.toString());

        filter.clear();
        filter.sendKeys("large1@");
        browser.waiting().until(numberOfElementsToBe(By.cssSelector("#grade-summary tbody tr"), 1));
        assertTrue(rows().get(0).getText().contains("Section 7") && !rows().get(0).getText().contains("Section Section"),
                rows().get(0).getText());
        filter.clear();
        filter.sendKeys("large2@");
        browser.waiting().until(textToBePresentInElementLocated(By.cssSelector("#grade-summary tbody tr"), "Section 0102"));

        String policy = browser.driver.findElement(By.id("summary-policy")).getText();
        assertTrue(policy.contains("Required: ") && policy.contains("1 critique."), policy);
        assertFalse(policy.contains("supporting role"), "the course weighs no roles: " + policy);
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/grades, a large course");
        browser.screenshot("large-summary");
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#grade-summary tbody tr"));
    }
}
