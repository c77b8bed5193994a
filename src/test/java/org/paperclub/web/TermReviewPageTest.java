package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.paperclub.support.Api;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a review of the term in Chromium found, kept fixed: on a phone the board's "Your options" asks before
 * withdrawing (as the table does), Escape keeps the seat, and a long role name wraps rather than widening the page;
 * Escape cancels every question asked before a destructive click, not only those of confirm-step.js.
 */
@MicronautTest
class TermReviewPageTest extends BrowserTest {

    @Test
    void on_a_phone_withdrawing_from_my_options_asks_first_and_escape_keeps_the_seat() {
        onAPhone(() -> {
            browser.signIn(base, "student7@example.edu");
            browser.open(base, "#/courses/2/signups");
            browser.await(By.cssSelector("#my-options .take-role")).click();
            assertTrue(!browser.driver.findElement(By.tagName("main")).getText().contains("The table scrolls sideways"),
                    "no word about a table that is not shown");
            WebElement withdraw = browser.await(By.cssSelector("#my-options .drop-role"));

            withdraw.click();
            WebElement question = browser.await(By.cssSelector("#my-options .confirm-step"));
            browser.waiting().until(d -> question.equals(d.switchTo().activeElement()));
            assertTrue(question.getText().startsWith("Withdraw from "), question.getText());
            Axe.assertNoSeriousFindings(browser.driver, "#/courses/2/signups asking before a withdrawal, on a phone");

            question.sendKeys(Keys.ESCAPE);
            browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#my-options .confirm-step"), 0));
            WebElement kept = browser.driver.findElement(By.cssSelector("#my-options .drop-role"));
            browser.waiting().until(d -> kept.equals(d.switchTo().activeElement()));

            kept.click();
            browser.await(By.cssSelector("#my-options .confirm-step .confirm-yes")).click();
            browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#my-options .drop-role"), 0));
            browser.await(By.cssSelector("#my-options .take-role"));
        });
    }

    @Test
    void on_a_phone_a_long_role_name_wraps_instead_of_widening_the_page() {
        instructor().post("/api/courses/2/roles", Map.of("name",
                "Averyveryveryveryveryveryveryveryveryveryverylongrolenamewithoutanyspaces", "description", "Reads it all.",
                "capacity", 2));
        onAPhone(() -> {
            browser.signIn(base, "student8@example.edu");
            browser.open(base, "#/courses/2/signups");
            browser.await(By.cssSelector("#my-options .take-role"));
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".loading")));
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            Number width = (Number) js.executeScript("return document.documentElement.scrollWidth");
            Number window = (Number) js.executeScript("return window.innerWidth");
            assertTrue(width.intValue() <= window.intValue(), "the board is " + width + " px wide in a " + window + " px window");
            assertEquals(Boolean.FALSE, js.executeScript("return [...document.querySelectorAll('#my-options .role-name')]"
                    + ".some(e => e.getBoundingClientRect().right > window.innerWidth)"), "every role name fits the phone");
        });
    }

    @Test
    void escape_cancels_removing_a_student_and_deleting_a_session_and_gives_focus_back() {
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/1/roster");
        WebElement remove = browser.await(By.cssSelector("#roster .remove-student"));
        String removeId = remove.getAttribute("id");
        remove.click();
        WebElement yes = browser.await(By.id("confirm-" + removeId));
        browser.waiting().until(d -> yes.equals(d.switchTo().activeElement()));
        yes.sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("confirm-" + removeId), 0));
        browser.waiting().until(d -> removeId.equals(d.switchTo().activeElement().getAttribute("id")));

        browser.open(base, "#/courses/1");
        browser.await(By.cssSelector("#schedule .delete-session"));
        WebElement delete = browser.driver.findElements(By.cssSelector("#schedule .delete-session")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        String deleteId = delete.getAttribute("id");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", delete);
        delete.click();
        WebElement confirmDelete = browser.await(By.id("confirm-" + deleteId));
        browser.waiting().until(d -> confirmDelete.equals(d.switchTo().activeElement()));
        confirmDelete.sendKeys(Keys.ESCAPE);
        browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.id("confirm-" + deleteId), 0));
        browser.waiting().until(d -> deleteId.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    @Test
    void a_new_course_with_no_sessions_and_no_papers_says_so_in_words() {
        String file = """
                format: paperclub-course/1
                course: {code: EMPTY 1, title: Nothing yet, term: Winter 2027, timeZone: UTC}
                policies: {critiquesRequired: 0, presentationsPerStudent: 0}
                """;
        long id = Api.id(instructor().post("/api/courses/import", file, "application/yaml").body());

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id);
        assertEquals("The course has no papers yet.", browser.await(By.id("no-papers")).getText());
        assertTrue(browser.driver.findElements(By.cssSelector(".paper-list")).isEmpty(), "no \"All 0 papers\" to open");
        assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("No sessions are scheduled yet."));
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/" + id + " with no sessions and no papers");
    }

    @Test
    void a_grading_sheet_with_nothing_to_grade_does_not_say_every_grade_is_published() {
        long sessionId = Api.id(ta().list("/api/courses/1/sessions").get(0));
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/sessions/" + sessionId + "/grading");
        assertEquals("Nothing to grade or publish in this session yet.", browser.await(By.id("nothing-to-grade")).getText());
        assertTrue(browser.driver.findElements(By.id("all-published")).isEmpty(), "no grade is there to be published");
    }

    private void onAPhone(Runnable steps) {
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            steps.run();
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }
}
