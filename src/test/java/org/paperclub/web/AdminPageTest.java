package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.people.PeopleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site administration page as an administrator uses it: registering, changing and removing an LMS platform,
 * naming and removing administrators, reading what to paste into an LMS and rotating the keys; every refusal shown as
 * the server's sentence. Someone else sees no link to it.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = AdminPageTest.ADMIN)
class AdminPageTest extends BrowserTest {

    static final String ADMIN = "root@example.edu";

    @Inject
    PeopleService people;

    private final TestPlatform platform = new TestPlatform();

    @BeforeAll
    void anAdministratorNamedByTheEnvironment() {
        people.createAccount(ADMIN, "Ada Admin", people.hashPassword(Api.PASSWORD), false);
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    private void openAsAdmin() {
        browser.signIn(base, ADMIN);
        browser.await(By.id("admin-link")).click();
        browser.await(By.id("platforms-heading"));
    }

    private void type(String id, String text) {
        WebElement input = browser.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void awaitStatus(String words) {
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), words));
    }

    @Test
    void an_administrator_registers_changes_and_removes_a_platform() throws IOException {
        openAsAdmin();
        browser.driver.findElement(By.id("add-platform")).click();
        assertEquals("platform-form-heading", browser.driver.switchTo().activeElement().getAttribute("id"), "focus moves to the form");
        type("platform-name", "Campus Canvas");
        type("platform-issuer", platform.issuer());
        type("platform-clientId", platform.clientId);
        type("platform-authLoginUrl", "http://lms.example.edu/auth");
        type("platform-accessTokenUrl", platform.accessTokenUrl());
        type("platform-jwksUrl", platform.jwksUrl());
        type("deployment-0", "d-1");
        browser.driver.findElement(By.id("add-deployment")).click();
        type("deployment-1", "d-2");
        browser.driver.findElement(By.id("save-platform")).click();
        WebElement error = browser.await(By.cssSelector("#platform-form-error .problem"));
        screenshots("admin-platform-form", "platform-form-heading");
        assertTrue(error.getText().contains("must start with https:// (plain http is allowed only for 127.0.0.1, localhost or [::1])"),
                error.getText());

        type("platform-authLoginUrl", platform.authLoginUrl());
        browser.driver.findElement(By.id("save-platform")).click();
        awaitStatus("Campus Canvas is saved.");
        WebElement listed = browser.await(By.cssSelector("#platforms .platform"));
        assertTrue(listed.findElement(By.className("platform-deployments")).getText().equals("d-1, d-2"));
        screenshots("admin-platforms", "platforms-heading");

        long id = ((Number) adminApi().list("/api/lti/registrations").get(0).get("id")).longValue();
        browser.driver.findElement(By.id("edit-platform-" + id)).click();
        browser.await(By.id("platform-form"));
        browser.driver.findElements(By.cssSelector("#platform-form fieldset .field button")).get(0).click();
        browser.driver.findElement(By.id("save-platform")).click();
        WebElement notice = browser.await(By.id("platform-notice"));
        assertEquals("Deployment d-1 was removed: launches from it are refused from now on.", notice.getText());
        assertEquals("d-2", browser.driver.findElement(By.cssSelector("#platforms .platform-deployments")).getText());

        browser.driver.findElement(By.id("remove-platform-" + id)).click();
        browser.await(By.cssSelector(".confirm-step .confirm-yes")).click();
        browser.await(By.id("no-platforms"));
        assertEquals(List.of(), adminApi().list("/api/lti/registrations"));
    }

    /** The API as the administrator, to check what the page did. */
    private Api.Session adminApi() {
        return api().login(ADMIN);
    }

    @Test
    void an_administrator_names_another_and_removes_them_and_hears_why_a_grant_failed() {
        openAsAdmin();
        type("grant-email", "nobody@example.edu");
        browser.driver.findElement(By.id("grant-admin")).click();
        WebElement error = browser.await(By.cssSelector("#grant-error .problem"));
        assertTrue(error.getText().startsWith("No account has the address nobody@example.edu."), error.getText());

        type("grant-email", "student3@example.edu");
        browser.driver.findElement(By.id("grant-admin")).click();
        awaitStatus("is a site administrator.");
        WebElement row = browser.await(By.xpath("//table[@id='site-admins']//tr[contains(., 'student3@example.edu')]"));
        assertTrue(row.getText().contains("Granted by Ada Admin"), row.getText());
        assertTrue(browser.driver.findElement(By.xpath("//table[@id='site-admins']//tr[contains(., '" + ADMIN + "')]")).getText()
                .contains("Named by the server's configuration"));

        row.findElement(By.className("revoke-admin")).click();
        browser.await(By.cssSelector("#site-admins .confirm-yes")).click();
        awaitStatus("is no longer a site administrator.");
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//table[@id='site-admins']//tr[contains(., 'student3@example.edu')]")));
    }

    @Test
    void the_tool_details_show_what_to_paste_and_keys_rotate_with_the_only_signer_kept() throws IOException {
        openAsAdmin();
        WebElement login = browser.await(By.id("login-url"));
        // Without PAPERCLUB_PUBLIC_URL the site is http://localhost:8080, the whole address.
        assertEquals("http://localhost:8080/lti/login", login.getText());
        assertTrue(browser.driver.findElement(By.id("jwks-url")).getText().endsWith("/lti/jwks"));
        assertTrue(browser.driver.findElement(By.id("canvas-json")).getAttribute("href").endsWith("/lti/config/canvas.json"));

        browser.driver.findElement(By.id("make-link")).click();
        WebElement link = browser.await(By.id("registration-link"));
        assertTrue(link.getText().startsWith("http://localhost:8080/lti/register/"), link.getText());

        type("signs-after", "0");
        browser.driver.findElement(By.id("add-key")).click();
        awaitStatus("is published and signs now.");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#tool-keys .tool-key")).size() >= 2);
        // Retire every key that does not sign now, then try the one that does.
        while (browser.driver.findElements(By.cssSelector("#tool-keys .tool-key")).size() > 1) {
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#tool-keys .tool-key"));
            WebElement old = rows.stream().filter(r -> !r.getText().contains("Signs now")).findFirst().orElseThrow();
            int before = rows.size();
            old.findElement(By.className("retire-key")).click();
            browser.await(By.cssSelector("#tool-keys .confirm-yes")).click();
            browser.waiting().until(d -> d.findElements(By.cssSelector("#tool-keys .tool-key")).size() == before - 1);
        }
        browser.driver.findElement(By.cssSelector("#tool-keys .retire-key")).click();
        browser.await(By.cssSelector("#tool-keys .confirm-yes")).click();
        WebElement refused = browser.await(By.cssSelector("#retire-error .problem"));
        assertTrue(refused.getText().contains("is the only key that signs now, so it cannot be retired."), refused.getText());
        screenshots("admin-tool", "tool-heading");
        Axe.assertNoSeriousFindings(browser.driver, "#/admin");
    }

    @Test
    void someone_who_is_not_an_administrator_sees_no_link_and_is_told_the_page_is_not_theirs() {
        browser.signIn(base, "instructor@example.edu");
        assertTrue(browser.driver.findElements(By.id("admin-link")).isEmpty());
        browser.open(base, "#/admin");
        assertEquals("Only a site administrator can use this page. Ask one to make you an administrator.",
                browser.await(By.id("not-admin")).getText());
    }

    private void screenshots(String name, String scrollTo) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Dimension desktop = browser.driver.manage().window().getSize();
        Files.copy(((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + "-desktop.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.driver.manage().window().setSize(new Dimension(375, 812));
        try {
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                    "document.getElementById(arguments[0]).scrollIntoView()", scrollTo);
            Thread.sleep(300);
            Files.copy(((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + "-phone.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            browser.driver.manage().window().setSize(desktop);
        }
    }
}
