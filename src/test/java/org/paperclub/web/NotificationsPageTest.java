package org.paperclub.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bell, the notifications page, the e-mail settings and the unsubscribe page, as people use them: staff post an
 * announcement on the course page, a student is told under the bell and by e-mail (a real SMTP server), opens it,
 * chooses a daily digest, and stops the e-mails through the link in the message.
 */
@MicronautTest
class NotificationsPageTest extends BrowserTest {

    private GreenMail smtp;

    @Override
    protected Map<String, String> extraProperties() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> p = new HashMap<>();
        p.put("paperclub.mail.host", "127.0.0.1");
        p.put("paperclub.mail.port", String.valueOf(port));
        p.put("paperclub.mail.starttls", "false");
        p.put("paperclub.mail.from", "Paperclub <paperclub@example.edu>");
        p.put("paperclub.public-url", "https://paperclub.example.edu");
        p.put("paperclub.mail.poll-interval", "500ms");
        return p;
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_student_is_told_of_an_announcement_opens_it_chooses_a_digest_and_stops_the_emails() throws Exception {
        // The instructor writes to the class on the course page.
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/1");
        browser.await(By.id("write-announcement")).click();
        browser.await(By.id("announcement-title")).sendKeys("<b>Quiz</b> moved to Thursday");
        browser.driver.findElement(By.id("announcement-body")).sendKeys("Same room.\nBring a pen.");
        browser.screenshots("announcement-form");
        browser.driver.findElement(By.id("post-announcement")).click();
        String posted = browser.await(By.id("announcement-posted")).getText();
        assertTrue(posted.matches("Posted “<b>Quiz</b> moved to Thursday”; \\d+ people notified\\."), posted);
        assertEquals("<b>Quiz</b> moved to Thursday", browser.await(By.cssSelector(".announcement .announcement-title")).getText(),
                "what staff typed is text, never markup");

        // A student signs in: the bell counts it, and says so to a screen reader.
        browser.signIn(base, "student11@example.edu");
        WebElement bell = browser.await(By.id("bell"));
        assertEquals("1", browser.await(By.id("bell-count")).getText());
        assertEquals("Notifications, 1 unread", bell.getAccessibleName());
        browser.screenshots("bell");

        bell.click();
        WebElement item = browser.await(By.cssSelector("#notifications .notice-item"));
        assertEquals("ANNOUNCEMENT", item.getDomAttribute("data-kind"));
        assertTrue(item.findElement(By.cssSelector(".unread-label")).getText().startsWith("New"), "unread is said in words");
        assertEquals("Ada Instructor (instructor) wrote:\nSame room.\nBring a pen.",
                item.findElement(By.cssSelector(".notice-body")).getText());
        Axe.assertNoSeriousFindings(browser.driver, "#/notifications");
        browser.screenshots("notifications");

        item.findElement(By.cssSelector(".notice-title a")).click();
        browser.waiting().until(ExpectedConditions.urlContains("#/courses/1"));
        browser.await(By.id("schedule-heading"));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("bell-count")));
        assertEquals("Notifications", browser.driver.findElement(By.id("bell")).getAccessibleName());

        // A new notice shows on the next page the student opens.
        api().login("ta@example.edu").post("/api/courses/1/announcements", Map.of("title", "Office hours", "body", "Today 3 pm."));
        browser.open(base, "#/account");
        assertEquals("1", browser.await(By.id("bell-count")).getText());

        // Settings: announcements in a daily digest from now on; it is kept.
        Select announcements = new Select(browser.await(By.id("delivery-ANNOUNCEMENT")));
        assertEquals("E-mail at once", announcements.getFirstSelectedOption().getText());
        announcements.selectByVisibleText("Daily digest");
        browser.driver.findElement(By.id("save-notification-settings")).click();
        browser.await(By.id("notification-settings-saved"));
        Axe.assertNoSeriousFindings(browser.driver, "#/account with e-mail on");
        browser.screenshots("settings");
        browser.driver.navigate().refresh();
        assertEquals("Daily digest", new Select(browser.await(By.id("delivery-ANNOUNCEMENT"))).getFirstSelectedOption().getText());

        // The e-mail of the first announcement carries the unsubscribe link; it works without signing in.
        String link = unsubscribeLink("student11@example.edu");
        browser.driver.manage().deleteAllCookies();
        // A fresh page (not a hash change of the signed-in one): the address answers 303 to the page that asks first.
        browser.driver.get("about:blank");
        browser.driver.get(link.replace("https://paperclub.example.edu/", base.replaceAll("/$", "") + "/"));
        assertEquals("Stop e-mails for: Course announcements", browser.await(By.id("unsubscribe-what")).getText());
        browser.screenshots("unsubscribe");
        browser.driver.findElement(By.id("unsubscribe")).click();
        assertTrue(browser.await(By.id("unsubscribe-done")).getText().contains("no more e-mails for Course announcements"));

        browser.signIn(base, "student11@example.edu");
        browser.open(base, "#/account");
        assertEquals("In the app only", new Select(browser.await(By.id("delivery-ANNOUNCEMENT"))).getFirstSelectedOption().getText());

        // A link that does not work says so, in the server's words.
        browser.open(base, "#/unsubscribe/" + link.replaceAll(".*/unsubscribe/(\\d+)/.*", "$1") + "/ANNOUNCEMENT/not-the-right-key");
        browser.await(By.id("unsubscribe")).click();
        String problem = browser.await(By.cssSelector("#unsubscribe-error .problem-detail")).getText();
        assertTrue(problem.contains("This unsubscribe link does not work"), problem);
    }

    @Test
    void with_nothing_to_show_the_page_says_so() throws Exception {
        // Everyone is in the demo courses and may have been told of the other test's announcement: forget it here.
        try (var db = jdbc(); var delete = db.createStatement()) {
            delete.execute("delete from notification where user_id = (select id from app_user where email = 'student12@example.edu')");
        }
        browser.signIn(base, "student12@example.edu");
        browser.await(By.id("bell")).click();
        assertTrue(browser.await(By.id("no-notifications")).getText().startsWith("Nothing yet."));
        assertTrue(browser.driver.findElements(By.id("bell-count")).isEmpty());
    }

    /**
     * The page behind the unsubscribe address of the first message to this address (its List-Unsubscribe header, the
     * one-click address; the "Stop e-mails" link of the text leads to the same page), waiting for the background sender.
     */
    private String unsubscribeLink(String address) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                    String header = m.getHeader("List-Unsubscribe", ",").replaceAll("\\s+", "");
                    Matcher found = Pattern.compile("<https://paperclub\\.example\\.edu/api/mail(/unsubscribe/[^>]+)>").matcher(header);
                    assertTrue(found.find(), header);
                    return "https://paperclub.example.edu/#" + found.group(1);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mail reached " + address);
    }
}
