package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperclub.support.Api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TA grades the supporting-role holders of a past session with the keyboard alone (a digit picks the mark, Tab to
 * the comment, Enter saves and moves on to the next row), publishes, and the student sees grade and comment.
 */
@MicronautTest
class GradingPageTest extends BrowserTest {

    private static final long COURSE = 2;   // the Cornell demo course: role-playing presentations

    @Test
    void staff_grade_role_holders_with_the_keyboard_publish_and_the_student_sees_the_grade() {
        Api.Session ta = ta();
        // A presentation session last week (the demo's presentation sessions are all still to come).
        String zone = (String) ta.get("/api/courses/" + COURSE).get("timeZone");
        LocalDate lastWeek = LocalDate.now(ZoneId.of(zone)).minusDays(7);
        long sessionId = id(ta.post("/api/courses/" + COURSE + "/sessions", Map.of("date", lastWeek.toString(),
                "startTime", "10:00", "endTime", "11:15", "topic", "Graded in the browser test", "kind", "PRESENTATION",
                "presentationSlots", 2)).body());
        List<Map<String, Object>> roles = ta.list("/api/courses/" + COURSE + "/roles");
        long first = id(roles.get(0));
        long second = id(roles.get(1));
        long student5 = studentId(ta, "student5@example.edu");
        long student6 = studentId(ta, "student6@example.edu");
        ta.post("/api/courses/" + COURSE + "/sessions/" + sessionId + "/roles/" + first + "/signups", Map.of("studentId", student5));
        ta.post("/api/courses/" + COURSE + "/sessions/" + sessionId + "/roles/" + second + "/signups", Map.of("studentId", student6));
        By row5 = By.cssSelector("[data-row-key='r" + first + "-s" + student5 + "']");
        By row6 = By.cssSelector("[data-row-key='r" + second + "-s" + student6 + "']");

        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/" + COURSE);
        await(By.id("grade-" + sessionId)).click();
        await(row5);

        // Row 1: "3" picks the third mark (✓+), Tab goes to the comment, Enter saves and moves to row 2.
        browser.driver.findElement(row5).findElement(By.cssSelector(".grade-value input[type=radio]")).sendKeys("3");
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement active = browser.driver.switchTo().activeElement();
        assertTrue(active.getAttribute("id").endsWith("-comment"), "Tab goes from the mark to the comment");
        active.sendKeys("Clear summary of the reviews", Keys.ENTER);
        until(d -> d.findElement(row5).findElement(By.cssSelector(".row-status")).getText().startsWith("Saved"));
        until(d -> d.findElement(row6).findElements(By.cssSelector(".grade-value input"))
                .contains(d.switchTo().activeElement()));

        // Row 2: from the first mark the arrow key moves to the second (✓); Enter saves and moves on to publishing.
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        until(d -> d.findElement(row6).findElement(By.cssSelector(".row-status")).getText().startsWith("Saved"));
        until(d -> "publish".equals(d.switchTo().activeElement().getAttribute("id")));
        assertTrue(browser.driver.findElement(By.id("publish")).getText().contains("2 draft grades"),
                browser.driver.findElement(By.id("publish")).getText());

        // Saved for real: after a reload the rows show the grades, still drafts.
        browser.driver.navigate().refresh();
        await(row5);
        assertTrue(browser.driver.findElement(row5).findElement(By.cssSelector("input[value='✓+']")).isSelected());
        assertTrue(browser.driver.findElement(row5).findElement(By.cssSelector(".grade-now")).getText()
                .contains("Clear summary of the reviews"));
        assertTrue(browser.driver.findElement(row6).findElement(By.cssSelector("input[value='✓']")).isSelected());
        Map<String, Object> grade = holderGrade(ta, sessionId, first, student5);
        assertEquals("✓+", grade.get("mark"));
        assertNull(grade.get("publishedAt"), "a draft until published");

        // Publish, from the keyboard too: Enter on the button, then Enter on the confirmation.
        await(By.id("publish")).sendKeys(Keys.ENTER);
        await(By.id("publish-confirm")).sendKeys(Keys.ENTER);
        WebElement result = await(By.id("publish-result"));
        assertTrue(result.getText().contains("Published 2 grades"), result.getText());
        assertTrue(holderGrade(ta, sessionId, first, student5).get("publishedAt") != null, "published");

        // The student sees the grade and the comment on their grades page, and their role in the block's cell.
        browser.signIn(base, "student5@example.edu");
        browser.open(base, "#/courses/" + COURSE);
        await(By.id("my-grades-link")).click();
        WebElement item = await(By.cssSelector(".grade-item[data-kind='ROLE']"));
        assertTrue(item.getText().contains("✓+"), item.getText());
        assertTrue(item.getText().contains("Clear summary of the reviews"), item.getText());
        assertTrue(item.getText().contains((String) roles.get(0).get("name")), item.getText());
        assertTrue(browser.driver.findElements(By.cssSelector(".block-cells .cell.filled")).size() >= 1, "the block holds a role");
        assertEquals(1, browser.driver.findElements(By.cssSelector(".ask-regrade")).size(), "a regrade may be asked");
    }

    // Polled every 50 ms rather than the default 500 ms: each step here takes a few milliseconds.
    private <T> T until(java.util.function.Function<? super org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(15), Duration.ofMillis(50)).until(condition);
    }

    private WebElement await(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static long id(Map<?, ?> json) {
        return Api.id(json);
    }

    private static long studentId(Api.Session staff, String email) {
        return staff.list("/api/courses/" + COURSE + "/roster").stream().filter(p -> email.equals(p.get("email")))
                .map(p -> Api.longOf(p, "userId")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> holderGrade(Api.Session staff, long sessionId, long roleId, long studentId) {
        Map<String, Object> sheet = staff.get("/api/courses/" + COURSE + "/sessions/" + sessionId + "/grading");
        return Api.listOf(sheet, "roles").stream()
                .filter(r -> Api.longOf(r, "roleId") == roleId)
                .flatMap(r -> Api.listOf(r, "holders").stream())
                .filter(h -> Api.longOf(h, "studentId") == studentId)
                .map(h -> Api.mapOf(h, "grade")).findFirst().orElseThrow();
    }
}
