package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/** Staff import a roster on the page and hand out the set-password links; the person sets a password through one. */
@MicronautTest
class RosterPageTest extends BrowserTest {

    @Test
    void a_new_student_sets_a_password_through_the_link_staff_got_from_the_import() {
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/roster");
        WebElement text = browser.await(By.id("csv-text"));
        text.sendKeys("email,name\nada.page@example.edu,<b>Ada</b> Page\n");
        browser.driver.findElement(By.id("import-roster")).click();
        WebElement link = browser.await(By.cssSelector("#new-account-links .invitation-link"));
        String url = link.getText();
        assertTrue(url.startsWith(base.replaceAll("/$", "") + "/#/invitation/"), url);
        browser.driver.findElement(By.id("sign-out")).click();
        browser.await(By.id("login-email"));

        browser.driver.get(url);
        // The name is shown as text, never as markup.
        assertEquals("<b>Ada</b> Page", browser.await(By.id("invitation-name")).getText());
        browser.driver.findElement(By.id("invitation-password")).sendKeys("analytical-engine");
        browser.driver.findElement(By.id("invitation-again")).sendKeys("analytical-engine");
        browser.driver.findElement(By.id("invitation-submit")).click();
        assertEquals("<b>Ada</b> Page", browser.await(By.id("user-name")).getText());

        // The link is spent: opened again, it says so.
        browser.driver.get(url);
        browser.driver.navigate().refresh();
        WebElement problem = browser.await(By.cssSelector("#invitation-error .problem-detail"));
        assertTrue(problem.getText().contains("used already"), problem.getText());
    }

    @Test
    void a_latin1_file_is_refused_on_the_page_before_it_is_sent() throws Exception {
        Path file = Files.createTempFile("roster-latin1", ".csv");
        Files.write(file, "email,name\nzoe.page@example.edu,Zoé Bélé\n".getBytes(StandardCharsets.ISO_8859_1));
        try {
            browser.signIn(base, "ta@example.edu");
            browser.open(base, "#/courses/1/roster");
            browser.await(By.id("csv-text"));
            browser.driver.findElement(By.id("csv-file")).sendKeys(file.toString());
            WebElement problem = browser.await(By.cssSelector("#import-error .problem-detail"));
            assertTrue(problem.getText().contains("not UTF-8"), problem.getText());
            assertEquals("", browser.driver.findElement(By.id("csv-text")).getDomProperty("value"), "nothing mangled is kept to send");
            assertTrue(!browser.driver.findElement(By.id("import-roster")).isEnabled());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // The list is reloaded after each change: a page that made the change and then failed to reload would show a
    // problem under the form while the server had the person already.
    @Test
    void people_added_one_by_one_or_by_file_appear_in_the_list_with_no_problem() {
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/roster");
        browser.await(By.id("person-email")).sendKeys("lin.list@example.edu");
        browser.driver.findElement(By.id("person-name")).sendKeys("Lin List");
        browser.driver.findElement(By.id("add-person")).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("roster"), "lin.list@example.edu"));

        browser.driver.findElement(By.id("csv-text")).sendKeys("email,name\nfile.list@example.edu,File List\n");
        browser.driver.findElement(By.id("import-roster")).click();
        browser.await(By.id("import-result"));
        browser.waiting().until(textToBePresentInElementLocated(By.id("roster"), "file.list@example.edu"));
        assertEquals(0, browser.driver.findElements(By.cssSelector("#main .problem")).size(),
                () -> browser.driver.findElement(By.id("main")).getText());
    }
}
