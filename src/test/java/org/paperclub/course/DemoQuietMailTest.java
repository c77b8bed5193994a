package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo term's made-up activity (sign-ups by staff, grades published) is told in the app only: a first start with
 * a real SMTP relay configured must not mail its example.edu accounts.
 */
@MicronautTest(transactional = false)
class DemoQuietMailTest extends MailTest {

    @Override
    protected Map<String, String> mailProperties() {
        return Map.of("paperclub.demo.activity", "true");
    }

    @Test
    void the_demo_activity_rings_the_bells_but_sends_no_mail() throws Exception {
        // The outbox itself, sent rows included (the mailbox is emptied before each test).
        try (var c = jdbc(); var rs = c.createStatement().executeQuery("select count(*) from mail_outbox")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "nothing was queued while the demo term was made");
        }
        long told = Api.listOf(student(1).get("/api/me/notifications"), "items").size();
        assertTrue(told > 0, "the demo's notices are in the app");

        // Real work after the start is mailed as usual.
        instructor().post("/api/courses/1/announcements", Map.of("title", "Welcome", "body", "Glad to have you."));
        assertTrue(deliver() > 0);
        assertEquals(1, receivedBy("student1@example.edu").size());
    }
}
