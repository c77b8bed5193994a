package org.paperclub.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.paperclub.support.Api;
import org.paperclub.support.TestPdfs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.numberOfElementsToBe;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;

/** Staff manage people on the roster page: search it, download it, change a role, remove a student. */
@MicronautTest
class RosterManagePageTest extends BrowserTest {

    /** A course whose first class is tomorrow (a critique handed in now is on time) and whose second is next week. */
    long course(Api.Session instructor, String code) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("America/New_York"));
        String yaml = """
                format: paperclub-course/1
                course: {code: %s, title: People, term: Fall 2026, timeZone: America/New_York}
                policies: {critiquesRequired: 1, presentationsPerStudent: 0}
                roles:
                  - {name: Scribe, description: Takes the notes., capacity: 1}
                papers:
                  - {key: p1, title: Paper One}
                sessions:
                  - {number: 1, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: One, assigned: [p1]}
                  - {number: 2, date: %s, start: "10:00", end: "11:15", kind: PRESENTATION, topic: Two}
                """.formatted(code, today.plusDays(1), today.plusDays(8));
        long id = Api.id(instructor.post("/api/courses/import", yaml, "application/yaml").body());
        for (int i = 1; i <= 3; i++) {
            instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student" + i + "@example.edu"));
        }
        return id;
    }

    @Test
    void a_removed_student_keeps_their_work_and_loses_their_access() {
        Api.Session instructor = instructor();
        long id = course(instructor, "PEOPLE 1");
        String base = "/api/courses/" + id;
        List<Map<String, Object>> sessions = instructor.list(base + "/sessions");
        long one = Api.id(sessions.get(0));
        long paper = Api.longOf(((List<Map<String, Object>>) sessions.get(0).get("readings")).get(0), "paperId");
        Api.Session student = api().login("student1@example.edu");
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(one)).addPart("paperId", String.valueOf(paper))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        student.http().retrieve(student.authorize(HttpRequest.POST(base + "/critiques", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
        long role = Api.id(instructor.list(base + "/roles").get(0));
        long ann = instructor.list(base + "/roster").stream().filter(p -> "student1@example.edu".equals(p.get("email")))
                .map(p -> Api.longOf(p, "userId")).findFirst().orElseThrow();
        instructor.post(base + "/sessions/" + Api.id(sessions.get(1)) + "/roles/" + role + "/signups", Map.of("studentId", ann));

        browser.signIn(this.base, "instructor@example.edu");
        browser.open(this.base, "#/courses/" + id + "/roster");
        browser.await(By.id("remove-" + ann)).click();
        WebElement question = browser.await(By.id("remove-question-" + ann));
        assertTrue(question.getText().contains("sessions still to come are released"), question.getText());
        assertEquals("confirm-remove-" + ann, browser.driver.switchTo().activeElement().getDomAttribute("id"), "focus is on the answer");
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/roster asking to remove");
        browser.driver.switchTo().activeElement().click();
        browser.waiting().until(textToBePresentInElementLocated(By.cssSelector("tr[data-user-id='" + ann + "']"), "Withdrawn"));
        browser.waiting().until(textToBePresentInElementLocated(By.id("status"), "Scribe in session 2"));

        // Their work stays, listed as withdrawn.
        browser.open(this.base, "#/courses/" + id + "/grades");
        WebElement row = browser.await(By.cssSelector("#grade-summary tr[data-student-id='" + ann + "']"));
        assertTrue(row.getText().contains("Withdrawn"), row.getText());
        assertEquals(1, instructor.list(base + "/critiques?studentId=" + ann).size());

        // Their access is gone.
        browser.signIn(this.base, "student1@example.edu");
        browser.open(this.base, "#/courses/" + id);
        WebElement problem = browser.await(By.cssSelector("#load-error .problem-detail"));
        assertTrue(problem.getText().contains("not enrolled"), problem.getText());
    }

    @Test
    void an_instructor_searches_the_roster_changes_a_role_and_downloads_it() {
        Api.Session instructor = instructor();
        long id = course(instructor, "PEOPLE 2");
        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id + "/roster");
        WebElement search = browser.await(By.id("roster-search"));
        search.sendKeys("student 2");
        browser.waiting().until(numberOfElementsToBe(By.cssSelector("#roster tbody tr"), 1));
        assertTrue(browser.driver.findElement(By.id("roster-count")).getText().startsWith("Showing 1 of 4"));
        Axe.assertNoSeriousFindings(browser.driver, "#/courses/{id}/roster searched");

        long ben = instructor.list("/api/courses/" + id + "/roster").stream().filter(p -> "student2@example.edu".equals(p.get("email")))
                .map(p -> Api.longOf(p, "userId")).findFirst().orElseThrow();
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("role-" + ben))).selectByValue("TA");
        browser.await(By.id("save-role-" + ben)).click();
        browser.waiting().until(textToBePresentInElementLocated(By.id("status"), "is now a teaching assistant"));
        assertEquals("TA", instructor.list("/api/courses/" + id + "/roster").stream()
                .filter(p -> "student2@example.edu".equals(p.get("email"))).findFirst().orElseThrow().get("role"));

        WebElement export = browser.driver.findElement(By.id("export-roster"));
        assertTrue(export.getDomAttribute("download") != null);
        String csv = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0].href).then(r => r.text()).then(done);", export);
        assertTrue(csv.startsWith("email,name,role,section"), csv);
        assertTrue(csv.contains("student2@example.edu,Student 2,TA,"), csv);
    }
}
