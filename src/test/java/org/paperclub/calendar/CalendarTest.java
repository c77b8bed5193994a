package org.paperclub.calendar;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The iCalendar feed, read back with ical4j: on the UMD demo course (course 1, America/New_York) every held session
 * is one event at its instant, and a student's critique deadlines carry their extensions.
 */
@MicronautTest
class CalendarTest extends ApiTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar cal, String uidPrefix) {
        return cal.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().startsWith(uidPrefix)).toList();
    }

    static Instant start(VEvent e) {
        Temporal t = e.getDateTimeStart().getDate();
        return Instant.from(t);
    }

    String ics(Api.Session who, String path) {
        return who.http().retrieve(who.authorize(HttpRequest.GET(path)).accept(MediaType.of("text/calendar")), String.class);
    }

    @Test
    void every_held_session_is_one_event_at_its_instant_and_deadlines_carry_the_students_extensions() throws Exception {
        Api.Session student = student(4);
        List<Map<String, Object>> sessions = student.list("/api/courses/1/sessions");
        List<Map<String, Object>> held = sessions.stream().filter(s -> !"NO_CLASS".equals(s.get("kind"))).toList();
        Map<String, Object> withReadings = held.stream().filter(s -> Api.listOf(s, "readings").stream()
                .anyMatch(r -> "ASSIGNED".equals(r.get("kind")))).reduce((a, b) -> b).orElseThrow();
        long sessionId = Api.id(withReadings);
        long me = Api.id(student.get("/api/me"));
        instructor().post("/api/courses/1/extensions", Map.of("studentId", me, "sessionId", sessionId, "hours", 48, "reason", "Conference"));

        String text = ics(student, "/api/courses/1/calendar.ics");
        // Every time is UTC, so calendar apps need no time-zone definition from us (and the jar leaves out ical4j's
        // zone provider, which only parsing needs: pom.xml).
        assertFalse(text.contains("TZID"), "no time zone reference in the feed");
        assertTrue(text.lines().filter(l -> l.startsWith("DTSTART")).allMatch(l -> l.endsWith("Z")), "all times in UTC");
        Calendar cal = parse(text);
        List<VEvent> sessionEvents = events(cal, "session-");
        assertEquals(held.size(), sessionEvents.size(), "one event per held session; cancelled ones are left out");
        Map<String, Object> first = held.get(0);
        ZonedDateTime firstStart = ZonedDateTime.of(LocalDate.parse((String) first.get("date")),
                LocalTime.parse((String) first.get("startTime")), NEW_YORK);
        VEvent firstEvent = sessionEvents.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith("session-" + first.get("id") + "@"))
                .findFirst().orElseThrow();
        assertEquals(firstStart.toInstant(), start(firstEvent), "the session starts at its wall-clock time in New York");
        assertTrue(firstEvent.getSummary().getValue().contains((String) first.get("topic")));
        VEvent withReadingsEvent = sessionEvents.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith("session-" + sessionId + "@"))
                .findFirst().orElseThrow();
        assertTrue(withReadingsEvent.getDescription().getValue().startsWith("Assigned readings:"));

        VEvent due = events(cal, "critique-due-" + sessionId + "-" + me).get(0);
        ZonedDateTime start = ZonedDateTime.of(LocalDate.parse((String) withReadings.get("date")),
                LocalTime.parse((String) withReadings.get("startTime")), NEW_YORK);
        assertEquals(start.plusHours(48).toInstant(), start(due), "due at class start plus the 48-hour extension");
        assertTrue(cal.toString().contains("X-WR-TIMEZONE:America/New_York"));
    }

    @Test
    void a_student_sees_their_own_presentation_and_roles_in_the_feed() throws Exception {
        Api.Session student = student(5);
        Map<String, Object> board = student.get("/api/courses/2/signups/board");
        Map<String, Object> session = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles")) && Boolean.FALSE.equals(s.get("frozen"))).findFirst().orElseThrow();
        long roleId = Api.id(Api.listOf(board, "roles").get(0));
        student.post("/api/courses/2/sessions/" + session.get("id") + "/roles/" + roleId + "/signups", Map.of());
        Calendar cal = parse(ics(student, "/api/courses/2/calendar.ics"));
        List<VEvent> roles = events(cal, "role-" + session.get("id") + "-" + roleId + "-");
        assertEquals(1, roles.size());
        assertTrue(roles.get(0).getSummary().getValue().contains("Your role: Peer Reviewer"));
        assertTrue(events(parse(ics(student(6), "/api/courses/2/calendar.ics")), "role-").isEmpty(), "nobody else's roles");
    }

    @Test
    void a_secret_link_works_without_the_cookie_until_it_is_revoked() throws Exception {
        Api.Session student = student(7);
        assertEquals(false, student.get("/api/me/calendar-link").get("exists"));
        HttpResponse<Map<String, Object>> created = student.post("/api/me/calendar-link", Map.of());
        assertEquals(201, created.code());
        String token = (String) created.body().get("token");
        assertTrue(token.length() >= 40, "a long random token");
        String path = "/api/courses/1/calendar.ics?token=" + token;
        String anonymous = client.toBlocking().retrieve(HttpRequest.GET(path).accept(MediaType.of("text/calendar")), String.class);
        assertTrue(events(parse(anonymous), "session-").size() > 10);
        // The token's owner must belong to the course.
        Object other = instructor().post("/api/courses", Map.of("code", "CAL 1", "title", "Elsewhere", "term", "Fall 2026",
                "timeZone", "Europe/Paris")).body().get("id");
        assertEquals(403, status(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/courses/" + other + "/calendar.ics?token=" + token))));
        assertEquals(404, status(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/courses/999/calendar.ics?token=" + token))));
        // A new link replaces the old one; revoking ends it.
        String second = (String) student.post("/api/me/calendar-link", Map.of()).body().get("token");
        assertEquals(401, status(() -> client.toBlocking().retrieve(HttpRequest.GET(path))));
        student.delete("/api/me/calendar-link");
        assertEquals(401, status(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/courses/1/calendar.ics?token=" + second))));
        assertEquals(401, status(() -> client.toBlocking().retrieve(HttpRequest.GET("/api/courses/1/calendar.ics"))));
    }

    static int status(Runnable call) {
        return assertThrows(HttpClientResponseException.class, call::run).getStatus().getCode();
    }
}
