package org.paperclub.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.paperclub.support.Api;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff see, on the course page, how long ahead the course reminds its students; students do not. */
@MicronautTest
class ReminderPolicyPageTest extends BrowserTest {

    @Test
    void staff_see_the_reminder_lead_times_with_the_ones_turned_off() {
        Api.Session instructor = instructor();
        String file = """
                format: paperclub-course/1
                course: {code: REMIND 1, title: Reminded, term: Spring 2027, timeZone: UTC}
                policies:
                  critiquesRequired: 1
                  presentationsPerStudent: 0
                  reminders: {critiqueHours: 12, freezeHours: 0}
                papers:
                  - {key: p1, title: Paper 1}
                sessions:
                  - {number: 1, date: 2027-03-01, start: "10:00", end: "11:00", kind: LECTURE, topic: One, assigned: [p1]}
                """;
        long id = Api.id(instructor.post("/api/courses/import", file, "application/yaml").body());
        instructor.post("/api/courses/" + id + "/roster", Map.of("email", "student1@example.edu"));

        browser.signIn(base, "instructor@example.edu");
        browser.open(base, "#/courses/" + id);
        String text = browser.await(By.id("reminder-policy")).getText();
        assertEquals("Reminders to students: critiques 12 h before the deadline · no sign-up freeze reminders · their own "
                + "presentation or role 3 days ahead. Change them with reminders in the course file.", text);

        browser.signIn(base, "student1@example.edu");
        browser.open(base, "#/courses/" + id);
        browser.await(By.id("schedule"));
        assertTrue(browser.driver.findElements(By.id("reminder-policy")).isEmpty(), "students are not shown the staff's settings");
    }
}
