package org.paperclub.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.MailTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feature's notice of a kind delivered by e-mail at once arrives as mail naming the course, with the page's link. */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class FeatureNoticeMailTest extends MailTest {

    @Test
    void a_staff_move_of_my_role_arrives_by_mail_with_the_course_and_the_sign_up_board() {
        NoticeCourse c = new NoticeCourse(instructor(), "MAIL 1", List.of("student1@example.edu", "student2@example.edu"));
        long signup = c.takeRole(2, "Hacker", c.userId("student1@example.edu"));
        c.instructor.post(c.sessionPath(2) + "/roles/" + c.roleId("Hacker") + "/signups/" + signup + "/move",
                Map.of("sessionId", c.sessionId(3), "roleId", c.roleId("Peer Reviewer")));
        deliver();

        List<Received> mails = receivedBy("student1@example.edu");
        assertEquals(2, mails.size(), "assigned, then moved: " + mails.stream().map(Received::subject).toList());
        Received moved = mails.stream().filter(m -> m.subject().contains("Role moved")).findFirst().orElseThrow();
        assertEquals("[MAIL 1] Role moved: Session 2 → Session 3", moved.subject());
        assertTrue(moved.text().contains("moved you from Hacker in session 2 to Peer Reviewer in session 3"), moved.text());
        assertEquals("https://paperclub.example.edu/#/courses/" + c.id + "/signups", moved.link("https://paperclub.example.edu/#/courses/"));
        assertTrue(moved.html().contains("href=\"https://paperclub.example.edu/#/courses/" + c.id + "/signups\""), moved.html());
        assertTrue(receivedBy("student2@example.edu").isEmpty(), "nothing of Student 1's reaches Student 2");
    }

    @Test
    void a_partner_answering_is_mailed_to_the_student_who_asked_with_the_partners_name_escaped() {
        NoticeCourse c = new NoticeCourse(instructor(), "MAIL 3", List.of("student1@example.edu"));
        Api.Session partner = newStudent(c, "ana.rivera@example.edu", "Ana <b>Rivera</b>");
        student(1).post(c.sessionPath(2) + "/presentations", Map.of("paperId", c.paper("Paper 2A"), "partnerEmail", "ana.rivera@example.edu"));
        long invitation = Api.id(Api.listOf(Api.mapOf(partner.get(c.base + "/signups/board"), "mine"), "invitations").get(0));
        partner.post(c.base + "/signups/invitations/" + invitation + "/accept", Map.of());
        deliver();

        List<Received> mails = receivedBy("student1@example.edu");
        assertEquals(1, mails.size(), "the answer, once: " + mails.stream().map(Received::subject).toList());
        Received accepted = mails.get(0);
        assertEquals("[MAIL 3] Ana <b>Rivera</b> will present with you", accepted.subject());
        assertTrue(accepted.text().contains("Ana <b>Rivera</b> accepted: you present “Paper 2A” together in session 2 ("),
                accepted.text());
        assertTrue(accepted.html().contains("Ana &lt;b&gt;Rivera&lt;/b&gt; accepted: you present"), accepted.html());
        assertFalse(accepted.html().contains("<b>Rivera"), "a name is text, never markup");
        assertTrue(accepted.header("List-Unsubscribe").contains("/PARTNER_ANSWERED/"), accepted.header("List-Unsubscribe"));
        assertEquals(List.of("[MAIL 3] Invitation to present with Student 1"), receivedBy("ana.rivera@example.edu").stream()
                .map(Received::subject).filter(subject -> subject.startsWith("[MAIL 3]")).toList(), "Ana is not told of her own answer");
    }

    /** A person staff add by e-mail, signed in with the password they chose from the invitation's link. */
    private Api.Session newStudent(NoticeCourse c, String email, String name) {
        c.instructor.post(c.base + "/roster", Map.of("email", email, "name", name, "section", "0101"));
        deliver();
        String link = receivedBy(email).get(0).link("https://paperclub.example.edu/#/invitation/");
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("password", "difference-engine")));
        return api().login(email, "difference-engine");
    }

    @Test
    void grades_wait_for_the_digest_by_default_and_an_extension_is_mailed_at_once() {
        NoticeCourse c = new NoticeCourse(instructor(), "MAIL 2", List.of("student3@example.edu"));
        long cal = c.userId("student3@example.edu");
        c.takeRole(1, "Hacker", cal);
        c.grade("roles/" + c.sessionId(1) + "/" + c.roleId("Hacker"), Map.of("mark", "✓"));
        c.instructor.post(c.sessionPath(1) + "/grades/publish", Map.of());
        c.instructor.post(c.base + "/extensions", Map.of("studentId", cal, "hours", 12));
        deliver();

        List<String> subjects = receivedBy("student3@example.edu").stream().map(Received::subject).toList();
        assertTrue(subjects.contains("[MAIL 2] Extension granted: every critique of the term"), subjects.toString());
        assertTrue(subjects.stream().noneMatch(s -> s.contains("Grades published")), "grades go in the daily digest: " + subjects);
    }
}
