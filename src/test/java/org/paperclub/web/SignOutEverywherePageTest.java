package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.Api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** Staff end someone's sessions from the roster page; a TA cannot end an instructor's. */
@MicronautTest
class SignOutEverywherePageTest extends BrowserTest {

    @Test
    void a_ta_signs_a_student_out_everywhere_from_the_roster() {
        Api.Session laptop = student(4);
        long studentId = Api.id(laptop.get("/api/me"));
        long instructorId = Api.id(instructor().get("/api/me"));

        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/roster");
        WebElement row = browser.await(By.cssSelector("#roster tr[data-user-id='" + studentId + "']"));
        WebElement instructorsButton = browser.driver.findElement(
                By.cssSelector("#roster tr[data-user-id='" + instructorId + "'] .sign-out-everywhere"));
        assertFalse(instructorsButton.isEnabled(), "only instructors sign out staff");

        row.findElement(By.cssSelector(".sign-out-everywhere")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "signed out everywhere"));
        problem(401, () -> laptop.get("/api/me"));
        assertTrue(browser.driver.findElements(By.cssSelector("#sign-out-error .problem")).isEmpty());
    }
}
