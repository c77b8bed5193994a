package org.paperclub.notify;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.intOf;
import static org.paperclub.support.Api.listOf;

/** Notices in the app and by e-mail, against a real SMTP server. */
@MicronautTest(transactional = false)
class NotificationMailTest extends MailTest {

    @Inject
    Notices notices;

    @Inject
    DigestJob digests;

    private long idOf(String email) {
        return Api.longOf(api().login(email).get("/api/me"), "id");
    }

    private static Notice announcement(String title, String body) {
        return new Notice(NoticeKind.ANNOUNCEMENT, DEMO, title, body, "/#/courses/1", Instant.parse("2030-03-05T19:00:00Z"));
    }

    @Test
    void aNoticeRingsTheBellAndIsMarkedRead() {
        var student = student(2);
        long before = intOf(student.get("/api/me/notifications/unread"), "unread");
        notices.post(announcement("Room change", "We meet in room 2117 today."), List.of(idOf("student2@example.edu")));

        Map<String, Object> page = student.get("/api/me/notifications");
        assertEquals(before + 1, intOf(page, "unread"));
        Map<String, Object> newest = listOf(page, "items").get(0);
        assertEquals("Room change", newest.get("title"));
        assertEquals("CMSC 848K".length() > 0, newest.get("courseCode") != null);
        assertNull(newest.get("readAt"));

        student.post("/api/me/notifications/" + Api.id(newest) + "/read", Map.of());
        assertEquals(before, intOf(student.get("/api/me/notifications/unread"), "unread"));
    }

    @Test
    void nobodyMarksAnotherPersonsNoticeRead() {
        notices.post(announcement("Quiz", "Bring a pen."), List.of(idOf("student3@example.edu")));
        long id = Api.id(listOf(student(3).get("/api/me/notifications"), "items").get(0));
        var problem = Api.problem(404, () -> student(4).post("/api/me/notifications/" + id + "/read", Map.of()));
        assertTrue(String.valueOf(problem.get("detail")).contains("no such notice"));
        assertEquals(1, intOf(student(3).get("/api/me/notifications/unread"), "unread"));
    }

    @Test
    void anAnnouncementIsMailedAtOnceWithBothPartsTheCourseAndAOneClickUnsubscribe() throws Exception {
        student(5).put("/api/me/notifications/settings", Map.of("timeZone", "Europe/Paris"));
        notices.post(announcement("Guest <b>lecture</b>", "Dr. Lee speaks on \"scaling laws\" & more."),
                List.of(idOf("student5@example.edu")));
        assertEquals(1, deliver());

        var mail = receivedBy("student5@example.edu").get(0);
        assertTrue(mail.subject().startsWith("[CMSC 848K] Guest <b>lecture</b>"), mail.subject());
        assertTrue(mail.text().contains("Dr. Lee speaks on \"scaling laws\" & more."), mail.text());
        assertTrue(mail.html().contains("Guest &lt;b&gt;lecture&lt;/b&gt;"), "user text is escaped in HTML: " + mail.html());
        assertFalse(mail.html().contains("<b>lecture"));
        assertTrue(mail.text().contains("(course time)") && mail.text().contains("(your time)"), mail.text());
        assertTrue(mail.text().contains("20:00 CET (your time)"), mail.text());
        assertTrue(mail.text().contains("https://paperclub.example.edu/#/courses/1"), mail.text());
        assertEquals("List-Unsubscribe=One-Click", mail.header("List-Unsubscribe-Post"));
        String unsubscribe = mail.header("List-Unsubscribe").replaceAll("[<>]", "");
        assertTrue(unsubscribe.startsWith("https://paperclub.example.edu/api/mail/unsubscribe/"), unsubscribe);

        // The mail client's one-click POST: no session, a form body, and the kind is off by e-mail from now on.
        HttpResponse<?> r = client.toBlocking().exchange(HttpRequest.POST(unsubscribe.replace("https://paperclub.example.edu", ""),
                "List-Unsubscribe=One-Click").contentType(MediaType.APPLICATION_FORM_URLENCODED), Map.class);
        assertEquals(200, r.code());
        Map<String, Object> settings = student(5).get("/api/me/notifications/settings");
        assertEquals("APP", listOf(settings, "kinds").stream().filter(k -> k.get("kind").equals("ANNOUNCEMENT"))
                .findFirst().orElseThrow().get("delivery"));
        notices.post(announcement("Second", "Again."), List.of(idOf("student5@example.edu")));
        assertEquals(0, deliver());
        assertEquals(2, listOf(student(5).get("/api/me/notifications"), "items").stream()
                .filter(i -> i.get("kind").equals("ANNOUNCEMENT")).count(), "still told in the app");
    }

    @Test
    void aForgedUnsubscribeKeyChangesNothing() {
        long id = idOf("student6@example.edu");
        Api.problem(404, () -> client.toBlocking().exchange(HttpRequest.POST(
                "/api/mail/unsubscribe/" + id + "/ANNOUNCEMENT/not-the-key", "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), Map.class));
    }

    @Test
    void aMangledUnsubscribeAddressIsRefusedNotAnError() {
        long id = idOf("student6@example.edu");
        for (String key : List.of("%22%3E%3Cscript%3E", "abc%0D%0ASet-Cookie:%20x=1", "a%20b")) {
            String path = "/api/mail/unsubscribe/" + id + "/ANNOUNCEMENT/" + key;
            Api.problem(400, () -> client.toBlocking().exchange(HttpRequest.GET(path), String.class));
            Api.problem(400, () -> client.toBlocking().exchange(HttpRequest.POST(path, "List-Unsubscribe=One-Click")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED), Map.class));
        }
    }

    @Test
    void gradesGoInOneDailyDigestAtSevenInTheReadersZone() {
        var student = student(7);
        student.put("/api/me/notifications/settings", Map.of("timeZone", "America/New_York"));
        long id = idOf("student7@example.edu");
        clock.set(Instant.parse("2030-03-05T15:00:00Z")); // 10:00 in New York
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 3 published", "See your grades.",
                "/#/courses/1/grades", null), List.of(id));
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 4 published", "See your grades.",
                "/#/courses/1/grades", null), List.of(id));
        assertEquals(1, digests.sendDue(), "7:00 passed today and no digest went yet");
        assertEquals(0, digests.sendDue(), "one a day");
        deliver();
        var digest = receivedBy("student7@example.edu");
        assertEquals(1, digest.size());
        assertTrue(digest.get(0).text().contains("Grades of session 3 published")
                && digest.get(0).text().contains("Grades of session 4 published"), digest.get(0).text());

        clock.set(Instant.parse("2030-03-06T10:00:00Z")); // 5:00 next morning in New York
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 5 published", "See.", "/#/", null), List.of(id));
        assertEquals(0, digests.sendDue(), "not before 7:00 in the reader's zone");
        clock.set(Instant.parse("2030-03-06T12:30:00Z"));
        assertEquals(1, digests.sendDue());
    }

    @Test
    void aKindTakenOutOfTheDigestIsNotMailedInTheNextDigest() {
        clock.set(Instant.parse("2030-03-05T10:00:00Z")); // 5:00 in New York: the grade waits for the 7:00 digest
        var student = student(10);
        student.put("/api/me/notifications/settings", Map.of("timeZone", "America/New_York"));
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 6 published", "See your grades.",
                "/#/courses/1/grades", null), List.of(idOf("student10@example.edu")));
        student.put("/api/me/notifications/settings", Map.of("kinds", List.of(Map.of("kind", "GRADE_PUBLISHED", "delivery", "APP"))));

        clock.set(Instant.parse("2030-03-05T13:00:00Z"));
        digests.sendDue();
        deliver();
        assertEquals(List.of(), receivedBy("student10@example.edu").stream().map(m -> m.subject()).toList(),
                "in the app only from now on, also for the grade that was waiting");
        assertEquals("Grades of session 6 published", listOf(student.get("/api/me/notifications"), "items").get(0).get("title"));
    }

    @Test
    void theDigestsOneClickUnsubscribeStopsTheDigestAlreadyWaiting() throws Exception {
        var student = student(11);
        long id = idOf("student11@example.edu");
        student.put("/api/me/notifications/settings", Map.of("timeZone", "America/New_York"));
        clock.set(Instant.parse("2030-03-05T15:00:00Z"));
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 7 published", "See.", "/#/", null), List.of(id));
        digests.sendDue();
        deliver();
        var first = receivedBy("student11@example.edu");
        assertEquals(1, first.size());
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, DEMO, "Grades of session 8 published", "See.", "/#/", null), List.of(id));

        String unsubscribe = first.get(0).header("List-Unsubscribe").replaceAll("[<>]", "").replace("https://paperclub.example.edu", "");
        assertTrue(unsubscribe.contains("/DIGEST/"), unsubscribe);
        HttpResponse<?> r = client.toBlocking().exchange(HttpRequest.POST(unsubscribe, "List-Unsubscribe=One-Click")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), Map.class);
        assertEquals(200, r.code());

        clock.set(Instant.parse("2030-03-06T15:00:00Z")); // the next day, after 7:00 in New York
        digests.sendDue();
        deliver();
        assertEquals(1, receivedBy("student11@example.edu").size(), "no digest after unsubscribing from it");
    }

    @Test
    void nothingIsLostWhileTheSmtpServerIsDown() throws Exception {
        smtp.stop();
        try {
            notices.post(announcement("Burst", "One of many."), List.of(idOf("student8@example.edu"), idOf("student9@example.edu")));
            assertEquals(0, deliver());
        } finally {
            smtp.start();
        }
        clock.set(Instant.now().plusSeconds(120)); // past the first back-off
        assertEquals(2, deliver());
        assertEquals(1, receivedBy("student8@example.edu").size());
        assertEquals(1, receivedBy("student9@example.edu").size());
    }
}
