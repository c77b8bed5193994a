package org.paperclub.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.ApiTest;
import org.paperclub.support.CampusProvider;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site that signs in with the campus account only: its pages offer the campus button and never a password field. */
@MicronautTest(environments = "sso", transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CampusOnlyPageTest extends BrowserTest {

    private CampusProvider provider;

    @Override
    protected Map<String, String> extraProperties() {
        provider = new CampusProvider(false);
        Map<String, String> settings = new HashMap<>(provider.settings(CampusProvider.freePort()));
        settings.put("paperclub.sign-in.password", "false");
        return settings;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void the_sign_in_page_shows_only_the_campus_button_and_the_account_page_no_password_form() throws IOException {
        browser.driver.get("about:blank");
        browser.driver.get(base + "/index.html");
        browser.driver.manage().deleteAllCookies();
        browser.open(base, "#/login");
        browser.await(By.id("campus-sign-in-button"));
        assertTrue(browser.driver.findElements(By.id("login-form")).isEmpty(), "no password form");
        assertTrue(browser.driver.findElements(By.cssSelector("input[type=password]")).isEmpty());
        Axe.assertNoSeriousFindings(browser.driver, "#/login on a campus-only site");
        browser.screenshot("campus-only-sign-in-desktop");

        browser.open(base, "#/forgot");
        browser.await(By.id("campus-only-forgot"));
        assertTrue(browser.driver.findElements(By.id("forgot-form")).isEmpty());

        provider.nextSignIn("fay-campus", Map.of("email", "student9@example.edu", "email_verified", true, "name", "Fay"));
        browser.open(base, "#/login");
        browser.await(By.id("campus-sign-in-button")).click();
        browser.await(By.id("sign-out"));
        browser.open(base, "#/account");
        browser.await(By.id("campus-only-account"));
        assertTrue(browser.driver.findElements(By.id("password-form")).isEmpty());
        browser.waiting().until(ExpectedConditions.textToBe(By.id("account-email"), "student9@example.edu"));
        browser.screenshot("campus-only-account-desktop");
    }
}
