package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;
import org.paperclub.support.TestSmtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.paperclub.support.Api.problem;

/**
 * The links of the e-mails, end to end: the app sends through a real SMTP server on its own (every 200 ms), and
 * Chromium opens the link as it arrived, sets a password, is signed in, and finds the link spent the second time.
 */
@MicronautTest
class MailLinkPageTest extends BrowserTest {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private TestSmtp smtp;
    private String site;

    @Override
    protected Map<String, String> extraProperties() {
        smtp = TestSmtp.start();
        // A known port, so that the links in the mails point at this very app.
        int port = TestSmtp.freePort();
        site = "http://localhost:" + port;
        Map<String, String> p = new HashMap<>(smtp.properties(site, "200ms"));
        p.put("micronaut.server.port", String.valueOf(port));
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.close();
    }

    private void shot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path file = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signedOut() {
        browser.driver.get("about:blank");
        browser.driver.get(site + "/index.html");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(site + "/#/login");
        browser.driver.navigate().refresh();
        browser.await(By.id("login-email"));
    }

    private void choosePassword(String password) {
        browser.await(By.id("invitation-password")).sendKeys(password);
        browser.driver.findElement(By.id("invitation-again")).sendKeys(password);
        browser.driver.findElement(By.id("invitation-submit")).click();
    }

    @Test
    void a_student_added_on_the_roster_sets_a_password_through_the_link_in_their_mail() {
        browser.signIn(site, "ta@example.edu");
        browser.open(site, "#/courses/1/roster");
        browser.await(By.id("person-email")).sendKeys("page.invite@example.edu");
        browser.driver.findElement(By.id("person-name")).sendKeys("Page Invite");
        browser.driver.findElement(By.id("add-person")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("status"), "is on its way"));
        browser.waiting().until(textToBePresentInElementLocated(By.id("roster"), "Invited, not yet accepted"));
        assertTrue(browser.driver.findElements(By.id("new-accounts")).isEmpty(), "no link is shown to staff when it was mailed");
        String first = smtp.awaitMessage("page.invite@example.edu", 1, Duration.ofSeconds(20)).link(site + "/#/invitation/");

        // Lost in a spam folder, say: staff send it again from the person's row, and only the newer link works.
        WebElement row = browser.driver.findElement(By.xpath("//table[@id='roster']//tr[.//*[contains(text(),'page.invite@example.edu')]]"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", row);
        assertTrue(row.getText().contains("Invited, not yet accepted (expires"), row.getText());
        shot("invitation-1-roster-pending");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1/roster with an invitation pending");
        row.findElement(By.cssSelector(".send-invitation")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("status"), "sent again"));
        browser.driver.findElement(By.id("sign-out")).click();
        browser.await(By.id("login-email"));

        MailTest.Received mail = smtp.awaitMessage("page.invite@example.edu", 2, Duration.ofSeconds(20));
        String link = mail.link(site + "/#/invitation/");
        browser.driver.get(first);
        browser.await(By.cssSelector("#invitation-error .problem-detail"));
        browser.driver.get(link);
        assertEquals("Page Invite", browser.await(By.id("invitation-name")).getText());
        shot("invitation-2-choose-password");
        choosePassword("invited-by-mail");
        assertEquals("Page Invite", browser.await(By.id("user-name")).getText());
        shot("invitation-3-signed-in");

        browser.driver.get(link);
        browser.driver.navigate().refresh();
        WebElement gone = browser.await(By.cssSelector("#invitation-error .problem-detail"));
        assertTrue(gone.getText().contains("used already"), gone.getText());
        shot("invitation-4-link-spent");

        browser.signIn(site, "ta@example.edu");
        browser.open(site, "#/courses/1/roster");
        browser.waiting().until(textToBePresentInElementLocated(By.id("roster"), "page.invite@example.edu"));
        WebElement accepted = browser.driver.findElement(By.xpath("//table[@id='roster']//tr[.//*[contains(text(),'page.invite@example.edu')]]"));
        assertTrue(!accepted.getText().contains("Invited"), "accepted: " + accepted.getText());
    }

    @Test
    void someone_who_forgot_their_password_chooses_a_new_one_through_the_link_in_their_mail() {
        signedOut();
        browser.driver.findElement(By.id("forgot-password")).click();
        browser.await(By.id("forgot-email")).sendKeys("student14@example.edu");
        shot("reset-1-forgot-form");
        Axe.assertNoSeriousFindings(browser.driver, "#/forgot");
        browser.driver.findElement(By.id("forgot-submit")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("forgot-answer"), "If an account uses this address"));
        shot("reset-2-answer");

        MailTest.Received mail = smtp.awaitMessage("student14@example.edu", 1, Duration.ofSeconds(20));
        String link = mail.link(site + "/#/reset/");
        browser.driver.get(link);
        browser.await(By.id("invitation-name"));
        shot("reset-3-choose-new-password");
        Axe.assertNoSeriousFindings(browser.driver, "#/reset/…");
        choosePassword("remembered-at-last");
        browser.await(By.id("user-name"));
        shot("reset-4-signed-in");
        problem(401, () -> api().login("student14@example.edu", Api.PASSWORD));

        browser.driver.get(link);
        browser.driver.navigate().refresh();
        WebElement gone = browser.await(By.cssSelector("#invitation-error .problem-detail"));
        assertTrue(gone.getText().contains("Forgot your password?"), gone.getText());
        shot("reset-5-link-spent");
    }
}
