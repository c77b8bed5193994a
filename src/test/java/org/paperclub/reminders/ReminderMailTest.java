package org.paperclub.reminders;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reminder goes by e-mail at once unless the student chose otherwise: the course named, the deadline in its zone. */
@MicronautTest(transactional = false)
class ReminderMailTest extends MailTest {

    @Inject
    ReminderJob job;

    @Test
    void a_critique_reminder_arrives_by_email_naming_the_course_with_the_deadline_in_the_courses_zone_and_the_readers()
            throws Exception {
        long id = Api.id(instructor().post("/api/courses/import", """
                format: paperclub-course/1
                course: {code: RM 1, title: Reminded by mail, term: Fall 2031, timeZone: America/Los_Angeles}
                policies: {critiquesRequired: 2, presentationsPerStudent: 0}
                papers:
                  - {key: a, title: Paper A}
                sessions:
                  - {number: 4, date: 2031-10-07, start: "10:30", end: "11:45", topic: Retrieval, assigned: [a]}
                """, "application/yaml").body());
        instructor().post("/api/courses/" + id + "/roster", Map.of("email", "student4@example.edu"));
        student(4).put("/api/me/notifications/settings", Map.of("timeZone", "Europe/Berlin"));

        clock.set(Instant.parse("2031-10-06T17:30:00Z")); // 10:30 in Los Angeles, a day before class
        assertEquals(1, job.runNow());
        assertEquals(1, deliver());

        var mail = receivedBy("student4@example.edu").get(0);
        assertEquals("[RM 1] Critique due in 24 hours: Session 4", mail.subject());
        assertTrue(mail.text().contains("is due on Tue 7 Oct at 10:30 (America/Los_Angeles)"), mail.text());
        assertTrue(mail.text().contains("10:30 PDT (course time)") && mail.text().contains("19:30 CEST (your time)"), mail.text());
        assertTrue(mail.html().contains("Critique due in 24 hours: Session 4"), mail.html());
        assertEquals("https://paperclub.example.edu/#/courses/" + id + "/critiques", mail.link("https://paperclub.example.edu/#/courses/"));
        assertEquals(0, job.runNow(), "sent once");
    }
}
