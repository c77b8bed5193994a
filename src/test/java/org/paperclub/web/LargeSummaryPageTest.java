package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;

import java.util.List;
import java.util.Map;

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

    /** A course of 230 students, imported under {@code code}, with emails large{n}{@code tag}@example.edu. */
    private long largeCourse(String code, String tag) {
        Api.Session instructor = instructor();
        long id = Api.id(instructor.post("/api/courses/import", GradeNamesPageTest.COURSE.replace("NAMES 1", code),
                "application/yaml").body());
        StringBuilder csv = new StringBuilder("email,name,role,section\n");
        for (int i = 1; i <= STUDENTS; i++) {
            csv.append("large").append(i).append(tag).append("@example.edu,Large Student ").append(i).append(",student,")
                    .append(i == 1 ? "Section 7" : i == 2 ? "0102" : "").append('\n');
        }
        instructor.post("/api/courses/" + id + "/roster/import", csv.toString(), "text/csv");
        return id;
    }

    @Test
    void the_summary_of_a_large_course_shows_200_students_then_the_rest_on_request() throws Exception {
        long id = largeCourse("LARGE 1", "");

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
        // The button went with the last rows; focus is on the first row it brought, not lost to the page.
        String first = rows().get(200).findElement(By.cssSelector("th a")).getText();
        browser.waiting().until(d -> first.equals(d.switchTo().activeElement().getText()));

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

        // Back from a student's page returns to the same search and order, with focus on the student's link.
        browser.driver.findElement(By.cssSelector("button[data-sort='participation']")).click();
        filter.clear();
        filter.sendKeys("Large Student 2");
        browser.waiting().until(textToBePresentInElementLocated(By.id("summary-shown"), "students shown."));
        int shown = rows().size();
        browser.driver.findElement(By.linkText("Large Student 21")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("/grades/students/"));
        browser.driver.navigate().back();
        browser.waiting().until(d -> "Large Student 21".equals(d.switchTo().activeElement().getText()));
        assertEquals("Large Student 2", browser.driver.findElement(By.id("summary-filter")).getAttribute("value"));
        assertEquals(shown, rows().size());
        assertEquals("descending", browser.driver.findElement(By.cssSelector("th:has(button[data-sort='participation'])"))
                .getAttribute("aria-sort"));
        filter = browser.driver.findElement(By.id("summary-filter"));

        String policy = browser.driver.findElement(By.id("summary-policy")).getText();
        assertTrue(policy.contains("Required: ") && policy.contains("1 critique."), policy);
        assertFalse(policy.contains("supporting role"), "the course weighs no roles: " + policy);
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/grades, a large course");
        browser.screenshot("large-summary");

        // Signing out forgets the search: whoever signs in next on this browser (the page not reloaded) starts clean.
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        js.executeScript("window.samePage = true");
        browser.driver.findElement(By.id("sign-out")).click();
        WebElement email = browser.await(By.id("login-email"));
        email.clear();
        email.sendKeys("instructor@example.edu");
        browser.driver.findElement(By.id("login-password")).sendKeys("paperclub");
        browser.driver.findElement(By.id("login-submit")).click();
        browser.await(By.id("sign-out"));
        browser.open(base, "#/courses/" + id + "/grades");
        browser.waiting().until(textToBePresentInElementLocated(By.id("summary-more"), "200 of 230 students shown."));
        assertEquals(Boolean.TRUE, js.executeScript("return window.samePage === true"), "the page was not reloaded");
        assertEquals("", browser.driver.findElement(By.id("summary-filter")).getAttribute("value"));
    }

    /**
     * On a phone the table shows each student's participation beside their name without scrolling sideways, and
     * while it scrolls either way its header row and the students' names stay in view (they scrolled away with the
     * rows: 230 rows down, nobody could tell which column was which; sideways, whose figures they were).
     */
    @Test
    void on_a_phone_the_header_and_the_names_stay_in_view_while_the_table_scrolls() throws Exception {
        long id = largeCourse("LARGE 2", "p");
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.signIn(base, "instructor@example.edu");
            browser.open(base, "#/courses/" + id + "/grades");
            browser.waiting().until(textToBePresentInElementLocated(By.id("summary-more"), "200 of 230 students shown."));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            js.executeScript("document.getElementById('grade-summary').parentElement.scrollIntoView()");
            Map<String, Object> first = geometry(js);
            assertTrue(number(first, "pageWidth") <= number(first, "windowWidth"), "the page itself does not scroll sideways: " + first);
            assertTrue(number(first, "participationRight") <= number(first, "regionRight"),
                    "the participation column is in view beside the names: " + first);
            browser.screenshot("large-summary-phone");

            js.executeScript("const w = document.getElementById('grade-summary').parentElement; w.scrollTop = 5000; w.scrollLeft = 5000;");
            Map<String, Object> scrolled = geometry(js);
            assertTrue(number(scrolled, "scrollTop") > 2000 && number(scrolled, "scrollLeft") > 50, "the table scrolled: " + scrolled);
            assertEquals(number(scrolled, "regionTop"), number(scrolled, "headerTop"), 2, "the header row stays at the top: " + scrolled);
            assertEquals(number(scrolled, "regionLeft"), number(scrolled, "nameLeft"), 2, "the names stay at the left: " + scrolled);
            assertTrue(number(scrolled, "lastNameVisible") > 0, "the name of the row in view is the one shown: " + scrolled);
            browser.screenshot("large-summary-phone-scrolled");

            // Tabbing backwards along the header from its far end: each sort button focused is clear of the names'
            // column, which stays put over the cells scrolled under it.
            WebElement drafts = browser.driver.findElement(By.cssSelector("button[data-sort='unpublished']"));
            js.executeScript("arguments[0].focus()", drafts);
            for (int i = 0; i < 3; i++) {
                browser.driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
                browser.waiting().until(d -> (Boolean) js.executeScript("""
                        const b = document.activeElement.getBoundingClientRect();
                        const c = document.querySelector('#grade-summary thead th').getBoundingClientRect();
                        return document.activeElement.matches('button.sort-button') && b.left >= c.right - 1;"""));
            }

            // The email is not shown on a phone, but the search still finds a student by it.
            WebElement filter = browser.driver.findElement(By.id("summary-filter"));
            filter.sendKeys("large1p@");
            browser.waiting().until(numberOfElementsToBe(By.cssSelector("#grade-summary tbody tr"), 1));
            assertTrue(rows().get(0).getText().contains("Large Student 1"), rows().get(0).getText());
            Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/grades on a phone");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> geometry(JavascriptExecutor js) {
        return (Map<String, Object>) js.executeScript("""
                const wrap = document.getElementById('grade-summary').parentElement, region = wrap.getBoundingClientRect();
                const head = document.querySelector('#grade-summary thead th').getBoundingClientRect();
                const part = document.querySelector("#grade-summary thead button[data-sort='participation']").getBoundingClientRect();
                const rows = [...document.querySelectorAll('#grade-summary tbody tr')];
                const inView = rows.find(r => r.getBoundingClientRect().top > head.bottom);
                const name = inView.querySelector('th').getBoundingClientRect();
                const hit = document.elementFromPoint(name.left + 8, name.top + 8);
                return { pageWidth: document.documentElement.scrollWidth, windowWidth: document.documentElement.clientWidth,
                         regionTop: region.top + wrap.clientTop, regionLeft: region.left + wrap.clientLeft, regionRight: region.right,
                         headerTop: head.top, participationRight: part.right, nameLeft: name.left,
                         rights: [...document.querySelectorAll('#grade-summary thead th')].map(h => Math.round(h.getBoundingClientRect().right)).join(' '),
                         lastNameVisible: hit && inView.querySelector('th').contains(hit) ? 1 : 0,
                         scrollTop: wrap.scrollTop, scrollLeft: wrap.scrollLeft };""");
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private List<WebElement> rows() {
        return browser.driver.findElements(By.cssSelector("#grade-summary tbody tr"));
    }
}
