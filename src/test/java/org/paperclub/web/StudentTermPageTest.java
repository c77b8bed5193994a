package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.paperclub.support.Api;
import org.paperclub.support.TestPdfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student's daily loop in the page: the home says what is due and, after the upload, that it is handed in; the
 * schedule marks their part and folds the past away; on a phone the board offers their options as a list.
 */
@MicronautTest
class StudentTermPageTest extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_home_shows_what_is_due_and_after_uploading_shows_it_handed_in() throws IOException {
        Map<String, Object> next = firstDue(student(4), 1);
        long sessionId = Api.longOf(next, "sessionId");
        Path good = Files.createTempFile("critique", ".pdf");
        Files.write(good, TestPdfs.goodCritique());

        browser.signIn(base, "student4@example.edu");
        WebElement due = browser.await(By.cssSelector("[data-course-id='1'] .home-critiques [data-session-id='" + sessionId + "']"));
        assertTrue(due.getText().contains("Not handed in"), due.getText());
        assertTrue(due.getText().contains("Due "), due.getText());
        assertTrue(due.findElement(By.className("countdown")).getText().startsWith("in "), due.getText());
        Axe.assertNoSeriousFindings(browser.driver, "#/ (home)");

        browser.driver.findElement(By.cssSelector("[data-course-id='1'] .home-critiques a")).click();
        new Select(browser.await(By.id("critique-session"))).selectByValue(String.valueOf(sessionId));
        browser.waiting().until(d -> !new Select(d.findElement(By.id("critique-paper"))).getOptions().isEmpty());
        new Select(browser.driver.findElement(By.id("critique-paper")))
                .selectByValue(String.valueOf(Api.longOf(((List<Map<String, Object>>) next.get("papers")).get(0), "id")));
        browser.driver.findElement(By.id("critique-file")).sendKeys(good.toString());
        browser.driver.findElement(By.id("critique-submit")).click();
        WebElement receipt = browser.await(By.cssSelector("#receipt .receipt"));
        assertTrue(receipt.getText().contains("Counts toward the term"), receipt.getText());
        assertTrue(receipt.getText().contains("1 of 10"), receipt.getText());
        // The fingerprint is there for who needs it, behind a toggle.
        WebElement sha = receipt.findElement(By.className("receipt-sha256"));
        assertFalse(sha.isDisplayed(), "the SHA-256 waits behind Details");
        receipt.findElement(By.cssSelector(".receipt-details summary")).click();
        browser.waiting().until(ExpectedConditions.visibilityOf(sha));
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1/critiques with a receipt");

        browser.driver.findElement(By.linkText("Home")).click();
        WebElement done = browser.await(By.cssSelector("[data-course-id='1'] .home-critiques [data-session-id='" + sessionId + "']"));
        assertTrue(done.getText().contains("Handed in"), done.getText());
        assertTrue(done.getText().contains("on time"), done.getText());
        assertTrue(browser.driver.findElement(By.cssSelector("[data-course-id='1'] .critique-count")).getText().startsWith("1 of 10"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_schedule_marks_my_part_and_folds_the_past_sessions_away() {
        Api.Session student = student(5);
        Map<String, Object> next = firstDue(student, 1);
        long handedIn = Api.longOf(next, "sessionId");
        upload(student, handedIn, Api.longOf(((List<Map<String, Object>>) next.get("papers")).get(0), "id"));

        browser.signIn(base, "student5@example.edu");
        browser.open(base, "#/courses/1");
        WebElement session = browser.await(By.cssSelector("#schedule [data-session-id='" + handedIn + "'] .critique-mark"));
        assertEquals("done", session.getAttribute("data-mark"));
        assertFalse(browser.driver.findElements(By.cssSelector("#schedule .critique-mark[data-mark='due']")).isEmpty(),
                "later sessions say the critique is due");

        // Past sessions are folded behind a disclosure; the keyboard opens it.
        WebElement past = browser.driver.findElements(By.cssSelector("#schedule .session.past")).get(0);
        assertFalse(past.isDisplayed());
        WebElement toggle = browser.driver.findElement(By.id("toggle-past"));
        assertTrue(toggle.getText().matches("Show \\d+ past sessions?"), toggle.getText());
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.sendKeys(Keys.ENTER);
        browser.waiting().until(ExpectedConditions.visibilityOf(past));
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1 with past sessions shown");

        // "Go to the next class" puts the session's heading in view and focus on it.
        browser.driver.findElement(By.id("go-to-next")).sendKeys(Keys.ENTER);
        WebElement heading = browser.driver.findElement(By.cssSelector("#schedule .session.next h3"));
        browser.waiting().until(d -> heading.equals(d.switchTo().activeElement()));
        Number top = (Number) ((JavascriptExecutor) browser.driver).executeScript("return arguments[0].getBoundingClientRect().top", heading);
        assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 400, "the heading is near the top of the window: " + top);
    }

    @Test
    void a_phone_sized_run_of_the_student_views() {
        Dimension desktop = browser.driver.manage().window().getSize();
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.signIn(base, "student6@example.edu");
            check("#/", By.cssSelector("[data-course-id='1'] .home-critiques"));
            check("#/courses/1", By.id("schedule"));

            // The board: "Your options" rather than the nine-column table; taking a role works from the list.
            check("#/courses/2/signups", By.id("my-options"));
            assertTrue(browser.driver.findElements(By.id("board")).isEmpty(), "no wide table on a phone");
            WebElement take = browser.driver.findElement(By.cssSelector("#my-options .take-role"));
            String label = take.getAttribute("aria-label");
            take.click();
            WebElement withdraw = browser.await(By.cssSelector("#my-options .drop-role"));
            assertEquals(label.replace("Take ", "Withdraw from "), withdraw.getAttribute("aria-label"));
            Axe.assertNoSeriousFindings(browser.driver, "#/courses/2/signups after taking a role, on a phone");
            browser.driver.findElement(By.id("toggle-table")).click();
            browser.await(By.id("board"));

            check("#/courses/1/critiques", By.id("upload-card"));
            // Course 2 asks for no critiques: nothing to upload.
            check("#/courses/2/critiques", By.id("progress-card"));
            assertTrue(browser.driver.findElements(By.id("upload-card")).isEmpty(), "no upload form where no critique is asked");
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }

    /** Opens a view, waits for its content, checks that nothing is wider than the phone, and runs axe-core. */
    private void check(String view, By content) {
        browser.open(base, view);
        browser.await(content);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".loading")));
        Number width = (Number) ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) ((JavascriptExecutor) browser.driver).executeScript("return window.innerWidth");
        assertTrue(width.intValue() <= window.intValue(), view + " is " + width + " px wide in a " + window + " px window");
        Axe.assertNoSeriousFindings(browser.driver, view + " on a phone");
    }

    /** The first session whose critique is not yet due, from the student's own part of the course. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDue(Api.Session student, long courseId) {
        Map<String, Object> mine = student.get("/api/courses/" + courseId + "/me");
        return ((List<Map<String, Object>>) ((Map<String, Object>) mine.get("critiques")).get("sessions")).stream()
                .filter(s -> !(Boolean) s.get("passed")).findFirst().orElseThrow();
    }

    private static void upload(Api.Session s, long sessionId, long paperId) {
        io.micronaut.http.client.multipart.MultipartBody body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("sessionId", String.valueOf(sessionId)).addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", io.micronaut.http.MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        s.http().exchange(s.authorize(io.micronaut.http.HttpRequest.POST("/api/courses/1/critiques", body)
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE)));
    }
}
