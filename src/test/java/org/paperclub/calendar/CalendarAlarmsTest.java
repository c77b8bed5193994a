package org.paperclub.calendar;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.calendar.CalendarTest.events;
import static org.paperclub.calendar.CalendarTest.parse;

/**
 * The reminders of the iCalendar feed, read back with ical4j as a calendar app subscribed by secret link reads them:
 * critique deadlines ring 24 hours and 1 hour before, a student's own presentation and roles 1 day and 1 hour
 * before, and plain sessions never. UMD (course 1) has the critiques; Cornell (course 2) the presentations and roles.
 */
@MicronautTest
class CalendarAlarmsTest extends ApiTest {

    /** The feed as a calendar app gets it: through the secret link, with no cookie. */
    Calendar subscribed(Api.Session who, long courseId) throws Exception {
        String token = (String) who.post("/api/me/calendar-link", Map.of()).body().get("token");
        String ics = client.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + courseId + "/calendar.ics?token=" + token)
                .accept(MediaType.of("text/calendar")), String.class);
        Calendar cal = parse(ics);
        ValidationResult validation = cal.validate();
        assertFalse(validation.hasErrors(), () -> "ical4j finds the feed valid: " + validation.getEntries());
        // The calendar's validation does not reach into the alarms (ical4j 4.1.1), so they are validated one by one.
        for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
            for (VAlarm a : alarms(e)) {
                ValidationResult alarm = a.validate();
                assertFalse(alarm.hasErrors(), () -> "ical4j finds the alarm valid: " + alarm.getEntries());
            }
        }
        return cal;
    }

    static List<VAlarm> alarms(VEvent event) {
        return event.getAlarms();
    }

    static final Duration DAY = Duration.ofHours(24);
    static final Duration HOUR = Duration.ofHours(1);

    /**
     * How long before the event's start each alarm rings. ical4j writes 24 hours as "-P1D", which on a UTC start
     * is exactly 24 hours, so the instants are compared rather than the text.
     */
    static Set<Duration> ringsBefore(VEvent event) {
        return alarms(event).stream().map(a -> before(event, a)).collect(Collectors.toSet());
    }

    static Duration before(VEvent event, VAlarm alarm) {
        Instant start = CalendarTest.start(event);
        return Duration.between(Instant.from(alarm.getTrigger().orElseThrow().getDuration().addTo(start)), start);
    }

    static String description(VEvent event, Duration before) {
        return alarms(event).stream().filter(a -> before(event, a).equals(before)).findFirst().orElseThrow()
                .getDescription().getValue();
    }

    static VEvent only(Calendar cal, String uidPrefix) {
        List<VEvent> found = events(cal, uidPrefix);
        assertEquals(1, found.size(), uidPrefix);
        return found.get(0);
    }

    /** Every alarm shows text, counts back from the event's start, and has a UID of its own. */
    static void displayedBeforeTheStart(VEvent event) {
        for (VAlarm a : alarms(event)) {
            assertEquals("DISPLAY", a.getAction().orElseThrow().getValue());
            Trigger t = a.getTrigger().orElseThrow();
            assertTrue(t.getParameter("RELATED").map(p -> p.getValue().equals("START")).orElse(true), "relative to the start");
            assertTrue(t.getValue().startsWith("-P"), "before, not after: " + t.getValue());
            assertTrue(a.getUid().isPresent(), "the alarm has its own UID");
        }
    }

    static Set<String> alarmUids(Calendar cal) {
        return cal.<VEvent>getComponents("VEVENT").stream().flatMap(e -> alarms(e).stream())
                .map(a -> a.getUid().orElseThrow().getValue()).collect(Collectors.toSet());
    }

    @Test
    void a_critique_deadline_rings_24_hours_and_1_hour_before_naming_the_course_and_the_papers() throws Exception {
        Api.Session student = student(2);
        long me = Api.id(student.get("/api/me"));
        Map<String, Object> withReadings = student.list("/api/courses/1/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind")))
                .filter(s -> Api.listOf(s, "readings").stream().anyMatch(r -> "ASSIGNED".equals(r.get("kind")))).findFirst().orElseThrow();
        String paper = (String) Api.mapOf(Api.listOf(withReadings, "readings").stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).findFirst().orElseThrow(), "paper").get("title");

        Calendar cal = subscribed(student, 1);
        VEvent due = only(cal, "critique-due-" + Api.id(withReadings) + "-" + me + "@");
        assertEquals(2, alarms(due).size());
        assertEquals(Set.of(DAY, HOUR), ringsBefore(due));
        displayedBeforeTheStart(due);
        String dayBefore = description(due, DAY);
        assertTrue(dayBefore.startsWith("A critique is due in 24 hours — CMSC 848K, Session " + withReadings.get("number") + ": "), dayBefore);
        assertTrue(dayBefore.contains(paper), "names the paper to critique: " + dayBefore);
        assertTrue(description(due, HOUR).startsWith("A critique is due in 1 hour — CMSC 848K"));

        List<VEvent> deadlines = events(cal, "critique-due-");
        assertTrue(deadlines.size() > 10);
        assertTrue(deadlines.stream().allMatch(d -> ringsBefore(d).equals(Set.of(DAY, HOUR))), "every deadline rings twice");
        List<VEvent> lectures = events(cal, "session-");
        assertTrue(lectures.size() > 10);
        assertTrue(lectures.stream().allMatch(e -> alarms(e).isEmpty()), "a lecture rings never");
        assertEquals(2 * deadlines.size(), alarmUids(cal).size(), "each alarm has a UID of its own");
        assertEquals(alarmUids(cal), alarmUids(subscribed(student, 1)), "and the same UIDs on the next refresh, so nothing doubles");
    }

    @Test
    void the_staff_feed_rings_before_the_courses_deadlines() throws Exception {
        Calendar cal = subscribed(ta(), 1);
        List<VEvent> deadlines = events(cal, "critique-due-");
        assertFalse(deadlines.isEmpty());
        for (VEvent d : deadlines) {
            assertEquals(Set.of(DAY, HOUR), ringsBefore(d));
            displayedBeforeTheStart(d);
            assertTrue(description(d, DAY).startsWith("Critiques are due in 24 hours — CMSC 848K, Session "));
        }
        assertTrue(events(cal, "session-").stream().allMatch(e -> alarms(e).isEmpty()));
    }

    @Test
    void a_students_role_and_presentation_ring_a_day_and_an_hour_before_and_other_sessions_never() throws Exception {
        Map<String, Object> board = student(3).get("/api/courses/2/signups/board");
        List<Map<String, Object>> open = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && Boolean.FALSE.equals(s.get("frozen"))).toList();
        Map<String, Object> hacker = Api.listOf(board, "roles").stream().filter(r -> "Hacker".equals(r.get("name"))).findFirst().orElseThrow();
        Map<String, Object> roleSession = open.get(0);
        student(3).post("/api/courses/2/sessions/" + Api.id(roleSession) + "/roles/" + Api.id(hacker) + "/signups", Map.of());
        Map<String, Object> presentationSession = open.get(open.size() - 1);
        Map<String, Object> paper = Api.listOf(presentationSession, "papers").get(0);
        Map<String, Object> team = student(4).post("/api/courses/2/sessions/" + Api.id(presentationSession) + "/presentations",
                Map.of("paperId", paper.get("paperId"))).body();
        Map<String, Object> held = student(3).list("/api/courses/2/sessions").stream()
                .filter(s -> s.get("id").equals(roleSession.get("id"))).findFirst().orElseThrow();

        Calendar hackers = subscribed(student(3), 2);
        VEvent role = only(hackers, "role-" + Api.id(roleSession) + "-" + Api.id(hacker) + "-");
        assertEquals(Set.of(DAY, HOUR), ringsBefore(role));
        displayedBeforeTheStart(role);
        String tomorrow = description(role, DAY);
        assertTrue(tomorrow.startsWith("Your role as Hacker in Session " + held.get("number") + " is tomorrow — CS 6785, Session "
                + held.get("number") + ": " + held.get("topic") + "."), tomorrow);
        if (held.get("location") != null) {
            assertTrue(tomorrow.endsWith(" Where: " + held.get("location") + "."), "says where: " + tomorrow);
        }
        assertTrue(description(role, HOUR).startsWith("Your role as Hacker in Session " + held.get("number") + " is in 1 hour — "));
        assertTrue(events(hackers, "session-").stream().allMatch(e -> alarms(e).isEmpty()),
                "the sessions themselves ring never, not even the one with the role: its role event rings once for it");
        assertEquals(2, alarmUids(hackers).size(), "nothing else rings for this student");

        Calendar presenters = subscribed(student(4), 2);
        VEvent presentation = only(presenters, "presentation-" + Api.id(team) + "-");
        assertEquals(Set.of(DAY, HOUR), ringsBefore(presentation));
        displayedBeforeTheStart(presentation);
        String title = (String) paper.get("title");
        assertTrue(description(presentation, DAY).startsWith("You present “" + title + "” tomorrow — CS 6785, Session "),
                description(presentation, DAY));
        assertTrue(description(presentation, HOUR).startsWith("You present “" + title + "” in 1 hour — "));

        Calendar bystander = subscribed(student(5), 2);
        assertTrue(alarmUids(bystander).isEmpty(), "a student with no part in a session gets no reminder for it");
    }

    @Test
    void a_deadline_the_student_has_handed_in_for_no_longer_rings_but_stays_in_the_calendar() throws Exception {
        Api.Session student = student(6);
        long me = Api.id(student.get("/api/me"));
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
        List<Map<String, Object>> upcoming = student.list("/api/courses/1/sessions").stream()
                .filter(s -> !"NO_CLASS".equals(s.get("kind")))
                .filter(s -> java.time.OffsetDateTime.parse((String) s.get("startsAt")).isAfter(now.plusDays(1)))
                .filter(s -> Api.listOf(s, "readings").stream().anyMatch(r -> "ASSIGNED".equals(r.get("kind")))).toList();
        Map<String, Object> handedIn = upcoming.get(0);
        long paperId = Api.longOf(Api.listOf(handedIn, "readings").stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).findFirst().orElseThrow(), "paperId");
        io.micronaut.http.client.multipart.MultipartBody body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("sessionId", String.valueOf(Api.id(handedIn))).addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), org.paperclub.support.TestPdfs.goodCritique()).build();
        assertEquals(201, student.http().exchange(student.authorize(HttpRequest.POST("/api/courses/1/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), Map.class).code());

        Calendar cal = subscribed(student, 1);
        assertTrue(alarms(only(cal, "critique-due-" + Api.id(handedIn) + "-" + me + "@")).isEmpty(), "done: nothing rings");
        assertEquals(Set.of(DAY, HOUR), ringsBefore(only(cal, "critique-due-" + Api.id(upcoming.get(1)) + "-" + me + "@")),
                "the next deadline still rings");
    }
}
