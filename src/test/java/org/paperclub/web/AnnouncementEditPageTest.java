package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the course page staff correct an announcement in place, with the keyboard, and see a refused correction in
 * words; they delete one after a confirm step; students see neither button.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class AnnouncementEditPageTest extends BrowserTest {

    private static final String ANNOUNCEMENTS = "/api/courses/" + DEMO + "/announcements";

    /** Desktop and phone screenshots (Browser#screenshots), the phone one scrolled to the announcements. */
    private void screenshots(String name) throws Exception {
        browser.screenshots(name);
        var window = browser.driver.manage().window();
        var desktop = window.getSize();
        window.setSize(new org.openqa.selenium.Dimension(375, 812));
        try {
            Thread.sleep(300);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById('announcements').scrollIntoView()");
            browser.screenshot(name + "-phone");
        } finally {
            window.setSize(desktop);
        }
    }

    private String focused() {
        return browser.driver.switchTo().activeElement().getDomAttribute("id");
    }

    @Test
    void staff_correct_an_announcement_in_place_and_delete_another_after_confirming() throws Exception {
        long kept = Api.id(ta().post(ANNOUNCEMENTS, Map.of("title", "Reading list is up", "body", "See the schedule.")).body());
        long id = Api.id(ta().post(ANNOUNCEMENTS, Map.of("title", "Room chnage", "body", "We meet in room 2117.")).body());

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + DEMO);
        WebElement edit = browser.await(By.id("edit-announcement-" + id));
        assertEquals("Edit “Room chnage”", edit.getAccessibleName(), "a screen reader hears which one");
        edit.sendKeys(Keys.ENTER);

        // The same form, filled in, with the focus in its title.
        WebElement title = browser.await(By.id("edit-announcement-" + id + "-title"));
        assertEquals("Room chnage", title.getDomProperty("value"));
        browser.waiting().until(d -> ("edit-announcement-" + id + "-title").equals(focused()));
        title.clear();
        title.sendKeys("   ");
        title.sendKeys(Keys.ENTER);
        String refused = browser.await(By.cssSelector("#edit-announcement-" + id + "-error .problem")).getText();
        assertTrue(refused.contains("Title: is empty: give the announcement a short title"), refused);
        screenshots("announcement-correct-refused");

        title.clear();
        title.sendKeys("Room change");
        WebElement body = browser.driver.findElement(By.id("edit-announcement-" + id + "-body"));
        body.clear();
        body.sendKeys("We meet in room 1117.");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1 correcting an announcement");
        screenshots("announcement-correct");
        browser.driver.findElement(By.id("edit-announcement-" + id + "-save")).sendKeys(Keys.ENTER);

        assertEquals("Corrected “Room change”.", browser.await(By.id("announcement-posted")).getText());
        WebElement corrected = browser.await(By.id("announcement-" + id));
        assertEquals("Room change", corrected.findElement(By.cssSelector(".announcement-title")).getText());
        assertEquals("We meet in room 1117.", corrected.findElement(By.cssSelector(".announcement-body")).getText());
        assertTrue(corrected.findElement(By.cssSelector(".announcement-edited")).getText().matches("\\(edited .+\\)"),
                "it says that it was edited");
        screenshots("announcement-corrected");

        // Escape leaves a correction unsaved and gives the focus back to its Edit button.
        browser.driver.findElement(By.id("edit-announcement-" + id)).sendKeys(Keys.ENTER);
        browser.await(By.id("edit-announcement-" + id + "-title")).sendKeys(Keys.ESCAPE);
        browser.waiting().until(d -> ("edit-announcement-" + id).equals(focused()));

        // Deleting asks first; "Keep" keeps it.
        browser.driver.findElement(By.id("delete-announcement-" + id)).sendKeys(Keys.ENTER);
        WebElement question = browser.await(By.cssSelector("#announcement-" + id + " .confirm-question"));
        assertTrue(question.getText().startsWith("Delete “Room change”?"), question.getText());
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/1 deleting an announcement");
        screenshots("announcement-delete");
        browser.driver.findElement(By.cssSelector("#announcement-" + id + " .confirm-yes")).click();

        assertTrue(browser.await(By.id("announcement-posted")).getText().startsWith("Deleted “Room change”."));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("announcement-" + id)));
        assertEquals("announcement-posted", focused(), "the focus lands on what happened");
        browser.await(By.id("announcement-" + kept));

        // A student reads the one left, with nothing to edit or delete.
        browser.signIn(base, "student3@example.edu");
        browser.open(base, "#/courses/" + DEMO);
        browser.await(By.id("announcement-" + kept));
        assertTrue(browser.driver.findElements(By.cssSelector(".announcement-actions, #edit-announcement-" + kept)).isEmpty());
        screenshots("announcement-student");
    }

    @Test
    void deleting_one_another_staff_member_deleted_meanwhile_says_so_keeps_the_keyboard_in_place_and_the_next_delete_clears_it() {
        long gone = Api.id(ta().post(ANNOUNCEMENTS, Map.of("title", "Deleted twice", "body", "By two people.")).body());
        long next = Api.id(ta().post(ANNOUNCEMENTS, Map.of("title", "Deleted next", "body", "By one person.")).body());

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + DEMO);
        browser.await(By.id("delete-announcement-" + gone)).sendKeys(Keys.ENTER);
        browser.await(By.cssSelector("#announcement-" + gone + " .confirm-yes"));
        ta().delete(ANNOUNCEMENTS + "/" + gone);   // the TA was quicker
        browser.driver.findElement(By.cssSelector("#announcement-" + gone + " .confirm-yes")).sendKeys(Keys.ENTER);

        String said = browser.await(By.cssSelector("#announcements .problem")).getText();
        assertTrue(said.contains("There is no such announcement in this course"), said);
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("announcement-" + gone)));
        browser.waiting().until(d -> focused() != null && !focused().isEmpty());
        assertEquals("write-announcement", focused(), "the keyboard stays in the announcements, not at the top of the page");

        browser.driver.findElement(By.id("delete-announcement-" + next)).sendKeys(Keys.ENTER);
        browser.await(By.cssSelector("#announcement-" + next + " .confirm-yes")).sendKeys(Keys.ENTER);
        assertTrue(browser.await(By.id("announcement-posted")).getText().startsWith("Deleted “Deleted next”."));
        assertTrue(browser.driver.findElements(By.cssSelector("#announcements .problem")).isEmpty(),
                "the earlier failure is not shown beside a delete that worked");
    }
}
