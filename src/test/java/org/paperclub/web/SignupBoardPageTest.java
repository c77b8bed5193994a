package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.paperclub.support.Api;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student takes a supporting role on the board, sees it as theirs, withdraws it; staff see the coverage. */
@MicronautTest
class SignupBoardPageTest extends BrowserTest {

    @Test
    void a_student_takes_a_role_sees_it_marked_as_theirs_and_withdraws_it() {
        Map<String, Object> board = student(4).get("/api/courses/2/signups/board");
        Map<?, ?> session = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && !Boolean.TRUE.equals(s.get("frozen"))).findFirst().orElseThrow();
        Object sessionId = session.get("id");
        Object roleId = Api.listOf(board, "roles").get(0).get("id");
        By cell = By.cssSelector("td.role-cell[data-session-id='" + sessionId + "'][data-role-id='" + roleId + "']");

        browser.signIn(base, "student4@example.edu");
        browser.open(base, "#/courses/2/signups");
        browser.await(By.id("board"));
        browser.await(cell).findElement(By.cssSelector("button.take-role")).click();
        browser.waiting().until(ExpectedConditions.presenceOfNestedElementLocatedBy(cell, By.cssSelector("li.holder.mine")));
        assertTrue(browser.driver.findElement(cell).getText().contains("Student 4"));
        assertTrue(browser.await(By.id("status")).getText().length() > 0, "the result is announced");
        List<?> mine = (List<?>) Api.mapOf(student(4).get("/api/courses/2/signups/board"), "mine").get("roleSignupIds");
        assertFalse(mine.isEmpty(), "the sign-up was saved");

        browser.driver.findElement(cell).findElement(By.cssSelector("button.drop-role")).click();
        // Withdrawing asks first, in place, with focus on the question; Escape keeps the seat.
        WebElement question = browser.await(By.cssSelector(".confirm-step"));
        assertEquals(question, browser.driver.switchTo().activeElement(), "focus moves to the question");
        assertTrue(question.getText().startsWith("Withdraw from "), question.getText());
        question.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.waiting().until(d -> d.findElements(By.cssSelector(".confirm-step")).isEmpty());
        assertEquals("drop-role", browser.driver.switchTo().activeElement().getAttribute("class").replaceAll(".*(drop-role).*", "$1"),
                "Escape gives focus back to Withdraw");
        assertFalse(((List<?>) ((Map<?, ?>) student(4).get("/api/courses/2/signups/board").get("mine")).get("roleSignupIds")).isEmpty(),
                "nothing was withdrawn");
        browser.driver.findElement(cell).findElement(By.cssSelector("button.drop-role")).click();
        browser.await(By.cssSelector(".confirm-step button.confirm-yes")).click();
        browser.waiting().until(d -> d.findElement(cell).findElements(By.cssSelector("li.holder.mine")).isEmpty());
        mine = (List<?>) Api.mapOf(student(4).get("/api/courses/2/signups/board"), "mine").get("roleSignupIds");
        assertTrue(mine.isEmpty(), "the withdrawal was saved");
    }

    @Test
    void a_student_holding_a_role_is_offered_a_switch_not_a_take_and_switches_in_one_step() {
        Map<String, Object> board = student(6).get("/api/courses/2/signups/board");
        Map<?, ?> session = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && !Boolean.TRUE.equals(s.get("frozen"))).skip(1).findFirst().orElseThrow();
        Object sessionId = session.get("id");
        List<Map<?, ?>> roles = (List<Map<?, ?>>) board.get("roles");
        Object held = roles.get(0).get("id");
        Object other = roles.get(1).get("id");
        student(6).post("/api/courses/2/sessions/" + sessionId + "/roles/" + held + "/signups", Map.of());
        By row = By.cssSelector("tr[data-session-id='" + sessionId + "']");
        By target = By.cssSelector("td.role-cell[data-session-id='" + sessionId + "'][data-role-id='" + other + "']");

        browser.signIn(base, "student6@example.edu");
        browser.open(base, "#/courses/2/signups");
        browser.await(By.id("board"));
        assertTrue(browser.await(row).findElements(By.cssSelector("button.take-role")).isEmpty(), "no Take that would end in 409");
        WebElement switchButton = browser.driver.findElement(target).findElement(By.cssSelector("button.switch-role"));
        assertEquals("Switch to this role", switchButton.getText());
        assertEquals("Switch from " + roles.get(0).get("name") + " to " + roles.get(1).get("name") + " in session " + session.get("number"),
                switchButton.getAttribute("aria-label"), "the label names both roles");
        switchButton.click();
        browser.waiting().until(ExpectedConditions.presenceOfNestedElementLocatedBy(target, By.cssSelector("li.holder.mine")));
        browser.waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("You switched from"));
        List<?> mine = (List<?>) Api.mapOf(student(6).get("/api/courses/2/signups/board"), "mine").get("roleSignupIds");
        assertEquals(1, mine.size(), "one role in the session, the new one");
        assertTrue(browser.driver.findElement(row).findElements(By.cssSelector("button.switch-role")).size() > 0,
                "the other free roles now offer a switch from the new one");
    }

    @Test
    void a_student_who_takes_a_seat_someone_took_a_moment_ago_is_told_in_words_that_the_role_is_full() throws Exception {
        Map<String, Object> board = student(12).get("/api/courses/2/signups/board");
        Map<?, ?> session = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && !Boolean.TRUE.equals(s.get("frozen"))).skip(2).findFirst().orElseThrow();
        Map<?, ?> role = Api.listOf(board, "roles").get(0);
        String take = "/api/courses/2/sessions/" + session.get("id") + "/roles/" + role.get("id") + "/signups";
        student(13).post(take, Map.of());
        By cell = By.cssSelector("td.role-cell[data-session-id='" + session.get("id") + "'][data-role-id='" + role.get("id") + "']");

        browser.signIn(base, "student12@example.edu");
        browser.open(base, "#/courses/2/signups");
        WebElement button = browser.await(cell).findElement(By.cssSelector("button.take-role"));
        student(14).post(take, Map.of());   // the last seat goes while the page is open
        button.click();
        WebElement problem = browser.waiting().until(d -> {
            List<WebElement> shown = d.findElement(cell).findElements(By.cssSelector(".problem-detail"));
            return shown.isEmpty() ? null : shown.get(0);
        });
        assertTrue(problem.getText().contains(role.get("name") + " for session " + session.get("number") + " is full"), problem.getText());
        assertEquals("alert", problem.findElement(By.xpath("ancestor::div[@role='alert']")).getAttribute("role"),
                "a screen reader hears it");
        browser.screenshot("board-role-full");
        assertTrue(((List<?>) Api.mapOf(student(12).get("/api/courses/2/signups/board"), "mine").get("roleSignupIds")).isEmpty(),
                "nothing was taken");
    }

    @Test
    void staff_see_the_coverage_of_every_student() {
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/2/coverage");
        WebElement coverage = browser.await(By.id("coverage"));
        browser.waiting().until(d -> coverage.getText().contains("Student 20"));
        assertTrue(coverage.getText().toLowerCase().contains("missing"), "gaps are named in words, not only colours");
    }
}
