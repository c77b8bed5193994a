package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every view, as the person who uses it sees it, checked by axe-core against WCAG 2.1 AA: no serious or critical
 * finding. Course 1 is the UMD demo (critiques), course 2 the Cornell one (presentations and roles).
 */
@MicronautTest
class AccessibilityPageTest extends BrowserTest {

    private static final List<String> STUDENT_VIEWS = List.of("#/", "#/courses/1", "#/courses/2", "#/courses/2/signups",
            "#/courses/1/critiques", "#/courses/1/my-grades", "#/account", "#/notifications");

    private static final List<String> STAFF_VIEWS = List.of("#/", "#/courses/1", "#/courses/2", "#/courses/2/signups",
            "#/courses/2/coverage", "#/courses/1/critiques", "#/courses/1/grades", "#/courses/1/sessions/2/grading",
            "#/courses/1/grades/students/3", "#/courses/1/roster", "#/notifications");

    @Test
    void a_students_views_have_no_serious_accessibility_findings() {
        browser.signIn(base, "student1@example.edu");
        STUDENT_VIEWS.forEach(this::check);
    }

    @Test
    void a_students_views_have_no_serious_accessibility_findings_on_a_phone() {
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.signIn(base, "student2@example.edu");
            STUDENT_VIEWS.forEach(this::check);
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    @Test
    void the_instructors_views_have_no_serious_accessibility_findings() {
        browser.signIn(base, "instructor@example.edu");
        STAFF_VIEWS.forEach(this::check);
    }

    @Test
    void the_sign_in_page_has_no_serious_accessibility_findings() {
        browser.driver.get("about:blank");
        browser.driver.get(base + "/index.html");
        browser.driver.manage().deleteAllCookies();
        browser.open(base, "#/login");
        browser.driver.navigate().refresh();
        browser.await(By.id("login-email"));
        Axe.assertNoSeriousFindings(browser.driver, "#/login");
    }

    @Test
    void the_check_itself_fails_on_a_button_without_a_name() {
        // Guards the guard: were axe-core not running, every test above would pass on any page.
        browser.signIn(base, "student3@example.edu");
        browser.open(base, "#/account");
        browser.await(By.cssSelector("main h1"));
        ((JavascriptExecutor) browser.driver).executeScript(
                "const b = document.createElement('button'); document.querySelector('main').append(b);");
        AssertionError failure = assertThrows(AssertionError.class,
                () -> Axe.assertNoSeriousFindings(browser.driver, "#/account with a nameless button"));
        assertTrue(failure.getMessage().contains("button-name"), failure.getMessage());
    }

    /** Opens a view, waits until it has loaded its data, and runs axe-core on it. */
    private void check(String view) {
        browser.open(base, view);
        browser.await(By.cssSelector("main h1"));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".loading")));
        Axe.assertNoSeriousFindings(browser.driver, view);
    }
}
