package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.ApiTest;
import org.paperclub.support.CampusProvider;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campus button on the sign-in page, in Chromium, against a real OpenID provider with its own login form
 * (mock-oauth2-server, interactive): the person signs in there and lands in Paperclub signed in, on the page they
 * wanted; a cancelled sign-in comes back to the sign-in page saying so.
 */
@MicronautTest(environments = "sso", transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CampusSignInPageTest extends BrowserTest {

    private CampusProvider provider;

    @Override
    protected Map<String, String> extraProperties() {
        provider = new CampusProvider(true);
        return provider.settings(CampusProvider.freePort());
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void the_campus_button_signs_a_newcomer_in_and_lands_on_the_home_page() throws IOException {
        signedOut();
        browser.open(base, "#/login");
        WebElement button = browser.await(By.id("campus-sign-in-button"));
        assertEquals("Sign in with your Campus ID", button.getText());
        assertTrue(browser.driver.findElement(By.id("login-form")).isDisplayed(), "passwords still offered on this site");
        Axe.assertNoSeriousFindings(browser.driver, "#/login with campus sign-in");
        browser.screenshots("campus-sign-in");

        button.click();
        signInAtProvider("dana-campus", "{\"email\":\"dana@campus.example.edu\",\"email_verified\":true,\"name\":\"Dana Campus\"}");

        browser.await(By.id("sign-out"));
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/#/"));
        assertTrue(browser.driver.getPageSource().contains("Dana Campus"), "the header names who is signed in");
        browser.screenshots("campus-signed-in");
    }

    @Test
    void signing_in_from_a_page_that_needed_it_lands_back_on_that_page() {
        signedOut();
        browser.open(base, "#/account");
        browser.await(By.id("campus-sign-in-button")).click();
        signInAtProvider("eli-campus", "{\"email\":\"eli@campus.example.edu\",\"email_verified\":true,\"name\":\"Eli Campus\"}");
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/#/account"));
        assertEquals("eli@campus.example.edu", browser.await(By.id("account-email")).getText());
    }

    @Test
    void a_cancelled_campus_sign_in_comes_back_to_the_sign_in_page_saying_so() throws IOException {
        signedOut();
        // What a provider sends back when the person cancels (RFC 6749 4.1.2.1).
        browser.driver.get(base + "/oauth/callback/campus?error=access_denied&state=whatever-it-was");
        browser.waiting().until(ExpectedConditions.urlToBe(base + "/#/login?error=sso-cancelled"));
        WebElement alert = browser.await(By.cssSelector("#login-error .problem-detail"));
        assertTrue(alert.getText().contains("cancelled"), alert.getText());
        assertEquals("alert", browser.driver.findElement(By.id("login-error")).getAttribute("role"));
        Axe.assertNoSeriousFindings(browser.driver, "#/login after a cancelled campus sign-in");
        browser.screenshots("campus-sign-in-cancelled");
    }

    private void signedOut() {
        browser.driver.get("about:blank");
        browser.driver.get(base + "/index.html");
        browser.driver.manage().deleteAllCookies();
    }

    /** The provider's own login form: a user name (the subject) and the claims of the ID token, as JSON. */
    private void signInAtProvider(String subject, String claims) {
        WebElement username = browser.await(By.name("username"));
        assertTrue(browser.driver.getCurrentUrl().startsWith(provider.issuer()), browser.driver.getCurrentUrl());
        username.sendKeys(subject);
        WebElement claimsField = browser.driver.findElement(By.name("claims"));
        claimsField.clear();
        claimsField.sendKeys(claims);
        browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
    }
}
