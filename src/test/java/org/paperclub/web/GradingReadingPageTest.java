package org.paperclub.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperclub.support.Api;
import org.paperclub.support.TestPdfs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TA grades a session's critiques reading each one: the critique of the row in focus is shown beside the marks,
 * a digit picks the mark, Enter saves and moves on, and the preview follows. Progress, the publish warning and the
 * confirmation before removing a grade, as a grader meets them.
 */
@MicronautTest
class GradingReadingPageTest extends BrowserTest {

    private static final long COURSE = 1;   // UMD: critiques only, marks ✓- ✓ ✓+
    private int used;

    /** The n-th upcoming held session of the UMD course with an assigned paper (each test takes its own). */
    private Map<String, Object> freshSession() {
        return ta().list("/api/courses/1/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind"))
                        && ((List<Map<String, Object>>) s.get("readings")).stream().anyMatch(r -> "ASSIGNED".equals(r.get("kind")))
                        && OffsetDateTime.parse((String) s.get("startsAt")).isAfter(OffsetDateTime.now().plusDays(1)))
                .skip(used++).findFirst().orElseThrow();
    }

    private long handIn(Map<String, Object> session, int student) {
        Api.Session ta = ta();
        long paperId = ((List<Map<String, Object>>) session.get("readings")).stream().filter(r -> "ASSIGNED".equals(r.get("kind")))
                .map(r -> Api.longOf(r, "paperId")).findFirst().orElseThrow();
        long studentId = ta.list("/api/courses/1/roster").stream().filter(p -> ("student" + student + "@example.edu").equals(p.get("email")))
                .map(p -> Api.longOf(p, "userId")).findFirst().orElseThrow();
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(Api.id(session)))
                .addPart("paperId", String.valueOf(paperId)).addPart("studentId", String.valueOf(studentId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        return Api.longOf(ta.http().retrieve(ta.authorize(HttpRequest.POST("/api/courses/1/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Argument.mapOf(String.class, Object.class)), "critiqueId");
    }

    @Test
    void a_grader_reads_each_critique_beside_its_row_and_grades_the_session_with_the_keyboard() {
        Map<String, Object> session = freshSession();
        long sessionId = Api.id(session);
        // Students 2, 10 and 3: the sheet lists them as people count, 2, 3, 10.
        long c2 = handIn(session, 2);
        long c10 = handIn(session, 10);
        long c3 = handIn(session, 3);
        browser.driver.manage().window().setSize(new Dimension(1400, 900));

        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/" + COURSE);
        WebElement progress = await(By.id("grading-progress-" + sessionId));
        assertEquals("0 of 3 graded in session " + session.get("number"), progress.getText().replaceAll("\\s+", " ").trim());
        progress.click();
        await(By.id("critique-preview"));
        List<String> order = browser.driver.findElements(By.cssSelector("#critiques-section .grade-row .who"))
                .stream().map(WebElement::getText).toList();
        assertEquals(List.of("Student 2", "Student 3", "Student 10"), order, "names in natural order");
        Axe.assertNoSeriousFindings(browser.driver, "the grading sheet with the critique beside it");

        // Tab to the first row's mark: the preview shows that student's critique.
        By firstMark = By.cssSelector("[data-row-key='c" + c2 + "'] .grade-value input");
        for (int i = 0; i < 80 && !browser.driver.findElements(firstMark).contains(active()); i++) {
            active().sendKeys(Keys.TAB);
        }
        assertTrue(browser.driver.findElements(firstMark).contains(active()), "Tab reaches the first row's mark");
        until(d -> frameShows(c2));
        // Read, mark, Enter: each time the next row takes focus and the preview follows it.
        long[] order2 = {c2, c3, c10};
        for (int i = 0; i < order2.length; i++) {
            long now = order2[i];
            until(d -> frameShows(now));
            active().sendKeys(i == 1 ? "2" : "3");
            active().sendKeys(Keys.ENTER);
            until(d -> d.findElement(By.cssSelector("[data-row-key='c" + now + "'] .row-status")).getText().startsWith("Saved"));
            if (i + 1 < order2.length) {
                long next = order2[i + 1];
                until(d -> d.findElements(By.cssSelector("[data-row-key='c" + next + "'] .grade-value input")).contains(active()));
            }
        }
        until(d -> "publish".equals(active().getAttribute("id")));
        assertTrue(await(By.id("grading-progress")).getText().startsWith("3 of 3 graded"), browser.driver.findElement(By.id("grading-progress")).getText());
        Map<String, Object> sheet = ta().get("/api/courses/1/sessions/" + sessionId + "/grading");
        assertEquals(3, Api.intOf(sheet, "graded"));
        assertEquals("✓", ((Map<String, Object>) ((List<Map<String, Object>>) sheet.get("critiques")).stream()
                .filter(c -> Api.longOf(c, "critiqueId") == c3).findFirst().orElseThrow().get("grade")).get("mark"));

        // The critiques matrix says which critiques are graded, and offers Print only where something was handed in.
        browser.open(base, "#/courses/1/critiques");
        until(d -> "true".equals(d.findElement(By.id("open-critique-" + c2)).getAttribute("data-graded")));
        assertTrue(browser.driver.findElement(By.id("open-critique-" + c2)).getText().contains("graded"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("td.print-cell[data-session-id='" + sessionId + "'] a.print-session")).size());
        List<WebElement> cells = browser.driver.findElements(By.cssSelector("td.print-cell"));
        assertTrue(cells.stream().filter(td -> td.getText().startsWith("0")).allMatch(td -> td.findElements(By.cssSelector("a.print-session")).isEmpty()),
                "no Print for a session nobody handed in for");
        Axe.assertNoSeriousFindings(browser.driver, "the critiques matrix with graded marks");
    }

    @Test
    void publish_warns_about_rows_not_graded_and_the_sheet_does_not_claim_everything_is_published() {
        Map<String, Object> session = freshSession();
        long sessionId = Api.id(session);
        long graded = handIn(session, 4);
        handIn(session, 5);
        GradingPageTestSupport.put(ta(), "/api/courses/1/grades/critiques/" + graded, Map.of("mark", "✓"));
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/sessions/" + sessionId + "/grading");
        assertTrue(await(By.id("grading-progress")).getText().startsWith("1 of 2 graded"));
        await(By.id("publish")).sendKeys(Keys.ENTER);
        WebElement warning = await(By.id("publish-ungraded-warning"));
        assertTrue(warning.getText().startsWith("1 row is not graded yet"), warning.getText());
        await(By.id("publish-confirm")).sendKeys(Keys.ENTER);
        await(By.id("publish-result"));
        WebElement after = await(By.id("published-but-ungraded"));
        assertTrue(after.getText().contains("1 item has no grade yet"), after.getText());
        assertTrue(browser.driver.findElements(By.id("all-published")).isEmpty(), "never 'every grade is published' with a row ungraded");

        // The summary says how much is left and leads to the session.
        browser.open(base, "#/courses/1/grades");
        WebElement todo = await(By.id("ungraded-link"));
        todo.sendKeys(Keys.ENTER);
        until(d -> "grading-by-session-heading".equals(active().getAttribute("id")));
        WebElement line = await(By.cssSelector("#grading-by-session li[data-session-id='" + sessionId + "'] a"));
        assertTrue(line.getText().replaceAll("\\s+", " ").contains("1 of 2 graded"), line.getText());
        Axe.assertNoSeriousFindings(browser.driver, "the grade summary with grading by session");
        line.click();
        await(By.id("grading-progress"));
    }

    @Test
    void on_a_phone_each_critique_is_a_link_that_opens_it() {
        Map<String, Object> session = freshSession();
        long critique = handIn(session, 6);
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.signIn(base, "ta@example.edu");
            browser.open(base, "#/courses/1/sessions/" + Api.id(session) + "/grading");
            WebElement link = await(By.cssSelector("[data-row-key='c" + critique + "'] a.read-critique"));
            assertTrue(link.getAttribute("href").endsWith("/api/courses/1/critiques/" + critique + "/pdf"), link.getAttribute("href"));
            assertTrue(browser.driver.findElements(By.tagName("iframe")).isEmpty(), "no cramped preview on a phone");
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "the sheet fits the phone's width: " + overflow);
            Axe.assertNoSeriousFindings(browser.driver, "the grading sheet on a phone");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1400, 900));
        }
    }

    @Test
    void removing_a_flagged_grade_asks_first_and_escape_keeps_it() {
        Map<String, Object> session = freshSession();
        long critique = handIn(session, 7);
        GradingPageTestSupport.put(ta(), "/api/courses/1/grades/critiques/" + critique, Map.of("mark", "✓+"));
        handIn(session, 7);   // a new version: the grade is flagged until it is saved again, or removed
        browser.driver.manage().window().setSize(new Dimension(1400, 900));
        browser.signIn(base, "ta@example.edu");
        browser.open(base, "#/courses/1/sessions/" + Api.id(session) + "/grading");
        WebElement remove = await(By.cssSelector("#flagged-section button.remove-grade"));
        remove.sendKeys(Keys.ENTER);
        WebElement question = await(By.cssSelector("#flagged-section .confirm-step"));
        assertEquals(question, active(), "focus moves to the question");
        assertTrue(question.getText().startsWith("Remove Student 7’s grade"), question.getText());
        Axe.assertNoSeriousFindings(browser.driver, "the grading sheet asking before a grade is removed");
        question.sendKeys(Keys.ESCAPE);
        until(d -> d.findElements(By.cssSelector("#flagged-section .confirm-step")).isEmpty());
        assertTrue(active().getAttribute("class").contains("remove-grade"), "Escape gives focus back to the button");
        assertEquals(1, ((List<?>) ta().get("/api/courses/1/sessions/" + Api.id(session) + "/grading").get("flagged")).size(),
                "nothing was removed");
        active().sendKeys(Keys.ENTER);
        await(By.cssSelector("#flagged-section .confirm-step .confirm-yes")).sendKeys(Keys.ENTER);
        until(d -> d.findElements(By.id("flagged-section")).isEmpty());
        assertTrue(((List<?>) ta().get("/api/courses/1/sessions/" + Api.id(session) + "/grading").get("flagged")).isEmpty());
    }

    private boolean frameShows(long critiqueId) {
        List<WebElement> frames = browser.driver.findElements(By.cssSelector("#critique-preview iframe"));
        return !frames.isEmpty() && frames.get(0).getAttribute("src").endsWith("/api/courses/1/critiques/" + critiqueId + "/pdf");
    }

    private WebElement active() {
        return browser.driver.switchTo().activeElement();
    }

    private <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(15), Duration.ofMillis(50)).until(condition);
    }

    private WebElement await(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Small API steps the page tests share. */
    static final class GradingPageTestSupport {
        static void put(Api.Session who, String path, Map<String, Object> body) {
            who.http().retrieve(who.authorize(HttpRequest.PUT(path, body)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }
    }
}
