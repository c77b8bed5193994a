package org.paperclub.people;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.mail.MailRefused;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** With e-mail on, people new to Paperclub are invited by e-mail, and staff see who has not accepted yet. */
@MicronautTest(transactional = false)
class InvitationMailTest extends MailTest {

    private static final String ROSTER = "/api/courses/1/roster";
    private static final String LINK = "https://paperclub.example.edu/#/invitation/";

    @Inject
    ApplicationEventPublisher<MailRefused> refusals;

    private String courseCode() {
        return (String) Api.listOf(ta().get("/api/me"), "courses").stream()
                .filter(c -> Api.id(c) == DEMO).findFirst().orElseThrow().get("code");
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private Map<String, Object> rosterEntry(String email) {
        return ta().list(ROSTER).stream().filter(r -> email.equals(r.get("email"))).findFirst().orElseThrow();
    }

    private Map<String, Object> view(String token) {
        return client.toBlocking().retrieve(HttpRequest.GET("/api/auth/invitations/" + token), Map.class);
    }

    private void accept(String token, String password) {
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + token, Map.of("password", password)));
    }

    @Test
    void a_person_staff_add_gets_an_invitation_by_mail_and_its_link_works_once() {
        Map<String, Object> added = ta().post(ROSTER, Map.of("email", "Ada.Mail@example.edu", "name", "Ada <Mail>")).body();
        assertNull(added.get("invitationLink"), "the key to the account goes to its owner only");
        assertEquals(true, added.get("invitationEmailed"));
        assertNotNull(added.get("invitationExpiresAt"));
        assertEquals("PENDING", rosterEntry("ada.mail@example.edu").get("invitation"));

        deliver();
        List<Received> mails = receivedBy("ada.mail@example.edu");
        assertEquals(1, mails.size());
        Received mail = mails.get(0);
        assertTrue(mail.subject().contains(courseCode()), mail.subject());
        String taName = (String) ta().get("/api/me").get("name");
        assertTrue(mail.text().contains(taName + " added you to " + courseCode()), mail.text());
        assertTrue(mail.text().contains("7 days"), mail.text());
        assertTrue(mail.html().contains("Ada &lt;Mail&gt;"), "the name is escaped in the HTML part: " + mail.html());
        String link = mail.link(LINK);
        assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());

        assertEquals("ada.mail@example.edu", view(token(link)).get("email"));
        accept(token(link), "difference-engine");
        assertEquals("Ada <Mail>", api().login("ada.mail@example.edu", "difference-engine").get("/api/me").get("name"));
        assertNull(rosterEntry("ada.mail@example.edu").get("invitation"), "accepted: nothing pending any more");
        problem(404, () -> accept(token(link), "someone-elses-password"));
        problem(404, () -> view(token(link)));
    }

    @Test
    void the_invitation_says_until_when_its_link_works_in_the_course_s_time_zone() {
        assertEquals("America/New_York", ta().get("/api/courses/" + DEMO).get("timeZone"));
        Map<String, Object> added = ta().post(ROSTER, Map.of("email", "zone.mail@example.edu", "name", "Zone Mail")).body();
        Instant expires = Instant.parse((String) added.get("invitationExpiresAt"));
        String until = "until " + DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
                .format(expires.atZone(ZoneId.of("America/New_York"))) + " (America/New_York)";

        deliver();
        Received mail = receivedBy("zone.mail@example.edu").get(0);
        assertTrue(mail.text().contains("for 7 days: " + until + "."), mail.text());
        assertTrue(mail.html().contains("for 7 days: " + until + "."), mail.html());
        assertFalse(mail.text().contains("UTC"), "the course's clock, not UTC: " + mail.text());
    }

    @Test
    void an_imported_roster_invites_each_new_account_by_mail_and_no_one_else() {
        String csv = """
                email,name,role,section
                imp.one@example.edu,Imp One,student,0101
                imp.two@example.edu,Imp Two,student,0101
                student2@example.edu,Student 2,student,0101
                """;
        Map<String, Object> result = ta().post(ROSTER + "/import", csv, "text/csv").body();
        assertEquals(2, Api.intOf(result, "invitationsEmailed"));
        assertTrue(Api.listOf(result, "people").stream().allMatch(p -> p.get("invitationLink") == null));

        deliver();
        assertEquals(1, receivedBy("imp.one@example.edu").size());
        assertEquals(1, receivedBy("imp.two@example.edu").size());
        assertEquals(0, receivedBy("student2@example.edu").size(), "someone who has an account is not invited");
        Received two = receivedBy("imp.two@example.edu").get(0);
        assertTrue(two.subject().contains(courseCode()), two.subject());
        assertNotNull(two.html());
        accept(token(two.link(LINK)), "imported-and-in");
        api().login("imp.two@example.edu", "imported-and-in");
        assertEquals("PENDING", rosterEntry("imp.one@example.edu").get("invitation"));
        assertNull(rosterEntry("imp.two@example.edu").get("invitation"));
    }

    @Test
    void sending_the_invitation_again_makes_the_older_link_stop_working() {
        ta().post(ROSTER, Map.of("email", "again.mail@example.edu"));
        deliver();
        String first = receivedBy("again.mail@example.edu").get(0).link(LINK);
        long userId = Api.longOf(rosterEntry("again.mail@example.edu"), "userId");

        Map<String, Object> resent = ta().post(ROSTER + "/" + userId + "/invitation", Map.of()).body();
        assertEquals(true, resent.get("invitationEmailed"));
        assertNull(resent.get("invitationLink"));
        deliver();
        List<Received> mails = receivedBy("again.mail@example.edu");
        assertEquals(2, mails.size());
        String second = mails.get(1).link(LINK);

        problem(404, () -> view(token(first)));
        accept(token(second), "second-time-lucky");
        api().login("again.mail@example.edu", "second-time-lucky");
    }

    @Test
    void an_invitation_not_accepted_in_seven_days_shows_as_expired_until_sent_again() {
        ta().post(ROSTER, Map.of("email", "late.mail@example.edu"));
        Map<String, Object> pending = rosterEntry("late.mail@example.edu");
        assertEquals("PENDING", pending.get("invitation"));
        assertNotNull(pending.get("invitationSentAt"));
        clock.advance(Duration.ofDays(7).plusSeconds(60));
        assertEquals("EXPIRED", rosterEntry("late.mail@example.edu").get("invitation"));
        ta().post(ROSTER + "/" + Api.longOf(pending, "userId") + "/invitation", Map.of());
        assertEquals("PENDING", rosterEntry("late.mail@example.edu").get("invitation"));
    }

    @Test
    void staff_send_again_only_to_whom_they_answer_for_and_not_to_someone_with_a_password() {
        instructor().post(ROSTER, Map.of("email", "new.staff.mail@example.edu", "role", "TA"));
        long staffId = Api.longOf(rosterEntry("new.staff.mail@example.edu"), "userId");
        problem(403, () -> ta().post(ROSTER + "/" + staffId + "/invitation", Map.of()));
        long student1 = Api.longOf(rosterEntry("student1@example.edu"), "userId");
        Map<String, Object> refused = problem(409, () -> ta().post(ROSTER + "/" + student1 + "/invitation", Map.of()));
        assertTrue(((String) refused.get("detail")).contains("Forgot your password?"), refused.toString());
        problem(403, () -> student(3).post(ROSTER + "/" + student1 + "/invitation", Map.of()));
    }

    @Test
    void an_address_the_smtp_server_refuses_is_marked_on_the_roster_until_sent_again() {
        ta().post(ROSTER, Map.of("email", "nobody.here@example.edu", "name", "Nobody Here"));
        long userId = Api.longOf(rosterEntry("nobody.here@example.edu"), "userId");
        assertNull(rosterEntry("nobody.here@example.edu").get("mailRefused"));

        // What MailSender announces when the server answers 5xx to RCPT TO.
        refusals.publishEvent(new MailRefused(userId, "nobody.here@example.edu", "550 5.1.1 mailbox unavailable"));
        Map<String, Object> marked = rosterEntry("nobody.here@example.edu");
        assertEquals("550 5.1.1 mailbox unavailable", marked.get("mailRefused"));
        assertNotNull(marked.get("mailRefusedAt"));
        assertFalse(ta().list(ROSTER).stream().anyMatch(r -> !"nobody.here@example.edu".equals(r.get("email"))
                && r.get("mailRefused") != null), "only that person is marked");

        ta().post(ROSTER + "/" + userId + "/invitation", Map.of());
        assertNull(rosterEntry("nobody.here@example.edu").get("mailRefused"), "sent again: the old refusal no longer stands");
    }

    @Test
    void the_sign_in_page_learns_that_e_mail_is_on() {
        assertEquals(true, client.toBlocking().retrieve(HttpRequest.GET("/api/auth/options"), Map.class).get("mailEnabled"));
    }
}
