package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperclub.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A script link that got into the database anyway (stored before the link rule, or by hand) runs nothing when a
 * student clicks it, and the Content-Security-Policy that stops it breaks none of the pages.
 */
@MicronautTest
class PaperLinkPageTest extends BrowserTest {

    // Records every policy violation of every page of the tab, so that a test can read them after the fact.
    private static final String RECORDER = """
            document.addEventListener('securitypolicyviolation', e => {
              const seen = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');
              seen.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + location.href);
              sessionStorage.setItem('csp-violations', JSON.stringify(seen));
            });""";

    private long paperId;
    private long sessionId;

    @BeforeAll
    void storeAScriptLinkBehindTheApisBack() throws Exception {
        Api.Session ta = ta();
        sessionId = Api.id(ta.list("/api/courses/1/sessions").get(0));
        paperId = Api.id(ta.post("/api/courses/1/papers", Map.of("title", "Clickjacked Transformers", "authors", "Mallory",
                "link", "https://example.org/harmless")).body());
        ta.post("/api/courses/1/sessions/" + sessionId + "/readings", Map.of("paperId", paperId));
        try (var c = jdbc(); var s = c.prepareStatement("update paper set link = ? where id = ?")) {
            s.setString(1, "javascript:alert(document.cookie)");
            s.setLong(2, paperId);
            assertEquals(1, s.executeUpdate());
        }
        ((HasCdp) browser.driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
    }

    private boolean alertShows() {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent());
            browser.driver.switchTo().alert().dismiss();
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        Object seen = ((JavascriptExecutor) browser.driver).executeScript(
                "return JSON.parse(sessionStorage.getItem('csp-violations') || '[]');");
        return seen == null ? List.of() : new ArrayList<>((List<String>) seen);
    }

    private void forgetViolations() {
        ((JavascriptExecutor) browser.driver).executeScript("sessionStorage.removeItem('csp-violations');");
    }

    @Test
    void a_student_clicking_a_stored_javascript_link_runs_nothing() {
        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/1");
        // Session 1 is past: the student unfolds the past sessions to read it.
        browser.await(By.id("toggle-past")).click();
        WebElement title = browser.await(By.cssSelector("[data-paper-id='" + paperId + "'] .paper-title"));
        assertEquals("Clickjacked Transformers", title.getText());
        assertFalse("a".equals(title.getTagName()) && String.valueOf(title.getAttribute("href")).startsWith("javascript"),
                "a script link is not rendered as a link");
        title.click();
        assertFalse(alertShows(), "clicking the title ran the stored script");
    }

    @Test
    void the_policy_blocks_a_javascript_link_even_when_the_page_renders_one() {
        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/1");
        browser.await(By.id("schedule"));
        forgetViolations();
        // As if a page forgot the rule: a javascript: link in the document, clicked by the student.
        ((JavascriptExecutor) browser.driver).executeScript("""
                const a = document.createElement('a');
                a.id = 'planted'; a.href = 'javascript:alert(document.cookie)'; a.textContent = 'A planted link';
                document.querySelector('#main').prepend(a);""");
        browser.await(By.id("planted")).click();
        assertFalse(alertShows(), "the Content-Security-Policy let a javascript: link run");
        assertTrue(violations().stream().anyMatch(v -> v.startsWith("script-src")), violations().toString());
    }

    @Test
    void every_page_renders_with_no_policy_violation() {
        List<String> problems = new ArrayList<>();
        browser.signIn(base, "student1@example.edu");
        forgetViolations();
        for (String page : List.of("#/", "#/courses/1", "#/courses/1/signups", "#/courses/1/critiques", "#/courses/1/my-grades",
                "#/courses/2", "#/courses/2/signups", "#/account")) {
            visit(page, problems);
        }
        browser.signIn(base, "instructor@example.edu");
        Object student = instructor().list("/api/courses/1/roster").stream()
                .filter(r -> "student1@example.edu".equals(r.get("email"))).findFirst().orElseThrow().get("userId");
        for (String page : List.of("#/", "#/courses/1", "#/courses/1/roster", "#/courses/1/coverage", "#/courses/1/grades",
                "#/courses/1/grades/students/" + student, "#/courses/1/critiques", "#/courses/1/sessions/" + sessionId + "/grading",
                "#/courses/2/signups", "#/courses/2/coverage", "#/account")) {
            visit(page, problems);
        }
        // The set-password page a new account's link opens.
        String link = (String) ta().post("/api/courses/1/roster", Map.of("email", "csp.check@example.edu")).body().get("invitationLink");
        visit(link.substring(1), problems);
        browser.await(By.id("invitation-password"));
        // Staff controls that open forms render templates of their own.
        browser.open(base, "#/courses/1");
        browser.await(By.id("add-session")).click();
        browser.await(By.cssSelector("form"));
        problems.addAll(violations());
        forgetViolations();
        browser.driver.get(base + "/openapi");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#swagger-ui .info")));
        problems.addAll(violations());
        assertEquals(List.of(), problems);
    }

    private void visit(String page, List<String> problems) {
        browser.open(base, page);
        WebElement heading = browser.await(By.cssSelector("#main h1"));
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".loading")));
        assertThrows(org.openqa.selenium.NoSuchElementException.class, () -> browser.driver.findElement(By.cssSelector(".problem")),
                () -> page + " shows a problem");
        assertFalse(heading.getText().isBlank(), page);
        problems.addAll(violations());
        forgetViolations();
    }
}
