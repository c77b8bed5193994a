package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.paperclub.support.Api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every view gets its data in at most two requests when it is first opened (a fresh page load): the shell's own
 * {@code /api/me}, which says who is signed in, and the bell's unread count in the header are not the view's. Counted from the browser's resource timings, as
 * a student and as the instructor, on the demo courses.
 */
@MicronautTest
class ViewRequestsPageTest extends BrowserTest {

    private static final int MOST = 2;

    @Test
    void every_view_of_a_student_loads_its_data_in_at_most_two_requests() {
        Map<String, String> views = new LinkedHashMap<>();
        views.put("home", "#/");
        views.put("schedule", "#/courses/2");
        views.put("sign-up board", "#/courses/2/signups");
        views.put("critiques", "#/courses/1/critiques");
        views.put("my grades", "#/courses/2/my-grades");
        views.put("account", "#/account");
        browser.signIn(base, "student1@example.edu");
        assertAtMostTwo("student", views);
    }

    @Test
    void every_view_of_the_instructor_loads_its_data_in_at_most_two_requests() {
        Api.Session instructor = instructor();
        long sessionId = Api.id(instructor.list("/api/courses/2/sessions").get(0));
        long studentId = instructor.list("/api/courses/2/roster").stream()
                .filter(p -> "student1@example.edu".equals(p.get("email"))).map(p -> Api.longOf(p, "userId")).findFirst().orElseThrow();
        Map<String, String> views = new LinkedHashMap<>();
        views.put("home", "#/");
        views.put("schedule", "#/courses/2");
        views.put("sign-up board", "#/courses/2/signups");
        views.put("coverage", "#/courses/2/coverage");
        views.put("critiques", "#/courses/1/critiques");
        views.put("grading sheet", "#/courses/2/sessions/" + sessionId + "/grading");
        views.put("grade summary", "#/courses/2/grades");
        views.put("a student's grades", "#/courses/2/grades/students/" + studentId);
        views.put("roster", "#/courses/2/roster");
        views.put("account", "#/account");
        views.put("start a course", "#/courses/new");
        browser.signIn(base, "instructor@example.edu");
        assertAtMostTwo("instructor", views);

        // The home page's "to grade" line comes with its one request: nothing is handed in on the fresh demo course.
        browser.open(base, "#/");
        String toGrade = browser.await(By.cssSelector(".to-grade")).getText();
        assertTrue(toGrade.contains("to grade"), toGrade);
    }

    private void assertAtMostTwo(String who, Map<String, String> views) {
        List<String> over = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, String> view : views.entrySet()) {
            List<String> requests = viewRequests(view.getValue());
            all.append(view.getKey()).append(": ").append(requests).append('\n');
            if (requests.size() > MOST) {
                over.add(view.getKey() + " made " + requests.size() + ": " + requests);
            }
        }
        assertTrue(over.isEmpty(), "as the " + who + ", views that load their data in more than " + MOST
                + " requests:\n" + String.join("\n", over) + "\nall views:\n" + all);
    }

    /** The API requests a fresh page load of the view makes once it has settled, less the shell's one /api/me. */
    @SuppressWarnings("unchecked")
    private List<String> viewRequests(String hash) {
        browser.driver.get("about:blank");
        browser.open(base, hash);
        browser.await(By.cssSelector("#main h1"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        String read = "return performance.getEntriesByType('resource').map(e => new URL(e.name))"
                + ".filter(u => u.pathname.startsWith('/api/')).map(u => u.pathname + u.search);";
        List<String> seen = (List<String>) js.executeScript(read);
        long quietSince = System.currentTimeMillis();
        long deadline = quietSince + 10_000;
        // Settled: no new request for 800 ms (the view's parts ask for theirs as they mount).
        while (System.currentTimeMillis() - quietSince < 800 && System.currentTimeMillis() < deadline) {
            sleep();
            List<String> now = (List<String>) js.executeScript(read);
            if (now.size() != seen.size()) {
                seen = now;
                quietSince = System.currentTimeMillis();
            }
        }
        List<String> view = new ArrayList<>(seen);
        view.remove("/api/me");   // the shell's: who is signed in, before any view
        view.remove("/api/me/notifications/unread");   // the shell's too: the bell in the header
        assertTrue(browser.driver.findElements(By.cssSelector("#load-error .problem")).isEmpty(),
                hash + " showed a load problem");
        return view;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
