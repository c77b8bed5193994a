package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.paperclub.support.Api;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff see, on the course page, the policies its schedule cannot meet; students do not. */
@MicronautTest
class PolicyWarningsPageTest extends BrowserTest {

    @Test
    void staff_see_what_the_schedule_cannot_give_and_students_do_not() {
        Api.Session instructor = instructor();
        String file = """
                format: paperclub-course/1
                course: {code: WARN 1, title: Lectures only, term: Spring 2027, timeZone: UTC}
                policies: {critiquesRequired: 0}
                papers:
                  - {key: p1, title: Paper 1}
                sessions:
                  - {number: 1, date: 2027-03-01, start: "10:00", end: "11:00", kind: LECTURE, topic: One, assigned: [p1]}
                """;
        long id = Api.id(instructor.post("/api/courses/import", file, "application/yaml").body());
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student1@example.edu"));

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id);
        String text = browser.await(By.id("policy-warnings")).getText();
        assertTrue(text.contains("Each student must present once, but no session has presentation slots"), text);

        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/" + id);
        browser.await(By.id("schedule"));
        assertTrue(browser.driver.findElements(By.id("policy-warnings")).isEmpty(), "students are not shown staff's warnings");
    }
}
