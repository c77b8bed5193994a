package org.paperclub.course;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.MailTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An announcement reaches the class by e-mail too, as each person chose (at once, by default). */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class AnnouncementMailTest extends MailTest {

    @Test
    void an_announcement_arrives_by_mail_naming_the_course_with_its_text_escaped_and_a_way_out() {
        student(2).put("/api/me/notifications/settings", Map.of("kinds", java.util.List.of(Map.of("kind", "ANNOUNCEMENT", "delivery", "APP"))));
        instructor().post("/api/courses/" + DEMO + "/announcements", Map.of("title", "No class <today>",
                "body", "The room is flooded & closed.\n<script>alert(1)</script>"));
        deliver();

        var mail = receivedBy("student1@example.edu");
        assertEquals(1, mail.size());
        var m = mail.get(0);
        assertEquals("[ACCOUNTS] No class <today>", m.subject());
        assertTrue(m.text().replace("\r\n", "\n").contains("Ada Instructor (instructor) wrote:\nThe room is flooded & closed.\n<script>alert(1)</script>"),
                "names its author: " + m.text());
        assertTrue(m.html().contains("<p>Ada Instructor (instructor) wrote:</p><p>The room is flooded &amp; closed.</p>"), m.html());
        assertTrue(m.text().contains("Course: ACCOUNTS Demo accounts only"), m.text());
        assertTrue(m.text().contains("https://paperclub.example.edu/#/courses/" + DEMO), m.text());
        assertTrue(m.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), m.html());
        assertTrue(m.html().contains("No class &lt;today&gt;"), m.html());
        assertFalse(m.html().contains("<script>"), "what staff typed shows as text, never as markup");
        assertTrue(m.header("List-Unsubscribe").matches("<https://paperclub\\.example\\.edu/api/mail/unsubscribe/\\d+/ANNOUNCEMENT/[^>]+>"),
                m.header("List-Unsubscribe"));
        assertEquals("List-Unsubscribe=One-Click", m.header("List-Unsubscribe-Post"));

        assertEquals(0, receivedBy("student2@example.edu").size(), "student 2 wants announcements in the app only");
        assertEquals(0, receivedBy("instructor@example.edu").size(), "the author gets no copy");
        assertEquals(1, receivedBy("ta@example.edu").size());
        assertEquals(20, received().size(), "19 students and the TA");
    }

    @Test
    void an_announcement_names_its_author_as_text_even_when_the_name_looks_like_markup() throws Exception {
        String name = "Eve <script>alert(2)</script> & Co";
        try (var db = jdbc(); var rename = db.prepareStatement("update app_user set name = ? where email = 'ta@example.edu'")) {
            rename.setString(1, name);
            assertEquals(1, rename.executeUpdate());
        }
        try {
            ta().post("/api/courses/" + DEMO + "/announcements", Map.of("title", "Office hours", "body", "Moved to Friday."));
            deliver();

            var m = receivedBy("student3@example.edu").get(0);
            assertTrue(m.text().replace("\r\n", "\n").contains(name + " (TA) wrote:\nMoved to Friday."), m.text());
            assertTrue(m.html().contains("<p>Eve &lt;script&gt;alert(2)&lt;/script&gt; &amp; Co (TA) wrote:</p>"), m.html());
            assertFalse(m.html().contains("<script>"), "a name shows as text, never as markup");
        } finally {
            try (var db = jdbc(); var back = db.prepareStatement("update app_user set name = 'Tomás Assistant' where email = 'ta@example.edu'")) {
                back.executeUpdate();
            }
        }
    }

    @Test
    void the_longest_announcement_arrives_whole_after_the_line_naming_its_author() {
        String body = "x".repeat(3990) + " the end.";
        assertEquals(3999, body.length());
        instructor().post("/api/courses/" + DEMO + "/announcements", Map.of("title", "A long one", "body", body));
        deliver();

        var m = receivedBy("student4@example.edu").get(0);
        assertTrue(m.text().replace("\r\n", "\n").contains("Ada Instructor (instructor) wrote:\n" + body), "cut: " + m.text().length());
        assertTrue(student(4).get("/api/me/notifications").toString().contains("x the end."), "the bell has it whole too");
    }

    @Test
    void a_quiet_correction_mails_nobody_and_one_told_again_mails_the_corrected_text_as_corrected() {
        String base = "/api/courses/" + DEMO + "/announcements";
        long id = org.paperclub.support.Api.id(instructor().post(base, Map.of("title", "Exam in room 101", "body", "At nine.")).body());
        deliver();
        int before = received().size();

        instructor().put(base + "/" + id, Map.of("title", "Exam in room 110", "body", "At nine."));
        deliver();
        assertEquals(before, received().size(), "e-mails already sent cannot be recalled, and a quiet fix sends none");

        instructor().put(base + "/" + id + "?notify=true", Map.of("title", "Exam in room 110", "body", "At ten."));
        deliver();
        var corrected = receivedBy("student5@example.edu").stream().filter(m -> m.subject().contains("Corrected")).toList();
        assertEquals(1, corrected.size());
        assertEquals("[ACCOUNTS] Corrected: Exam in room 110", corrected.get(0).subject());
        assertTrue(corrected.get(0).text().replace("\r\n", "\n").contains("Ada Instructor (instructor) corrected:\nAt ten."),
                corrected.get(0).text());
    }
}
