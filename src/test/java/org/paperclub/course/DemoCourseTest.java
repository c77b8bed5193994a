package org.paperclub.course;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Api;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class DemoCourseTest extends ApiTest {

    @Test
    void the_demo_course_is_the_umd_syllabus_with_its_cancelled_class() {
        List<Map<String, Object>> sessions = student().list("/api/courses/1/sessions");
        assertEquals(29, sessions.size());
        Map<String, Object> thirteen = sessions.stream().filter(s -> Api.intOf(s, "number") == 13).findFirst().orElseThrow();
        assertEquals("NO_CLASS", thirteen.get("kind"));
        assertTrue(((List<?>) thirteen.get("readings")).isEmpty());
        long assigned = sessions.stream().flatMap(s -> ((List<?>) s.get("readings")).stream())
                .filter(r -> "ASSIGNED".equals(((Map<?, ?>) r).get("kind"))).count();
        assertTrue(assigned >= 40, "the syllabus assigns dozens of papers: " + assigned);
        assertEquals("America/New_York", student().get("/api/courses/1").get("timeZone"));
    }

    @Test
    void the_demo_term_is_moved_by_whole_weeks_so_that_today_is_mid_term() {
        List<Map<String, Object>> sessions = student().list("/api/courses/1/sessions");
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("America/New_York")));
        LocalDate first = LocalDate.parse((String) sessions.get(0).get("date"));
        LocalDate last = LocalDate.parse((String) sessions.get(sessions.size() - 1).get("date"));
        assertTrue(first.isBefore(today) && last.isAfter(today), first + " .. " + last);
        for (Map<String, Object> s : sessions) {
            DayOfWeek day = LocalDate.parse((String) s.get("date")).getDayOfWeek();
            assertTrue(day == DayOfWeek.MONDAY || day == DayOfWeek.WEDNESDAY, "weekdays are kept: " + s.get("date"));
        }
    }

    @Test
    void shifting_keeps_weekdays_and_centres_the_term_on_the_given_day() {
        CourseFile.Header header = new CourseFile.Header("X", "X", "Fall 2024", "UTC", null);
        List<CourseFile.SessionEntry> sessions = List.of(
                session(LocalDate.of(2024, 8, 26)), session(LocalDate.of(2024, 12, 4)));
        CourseFile file = new CourseFile(CourseFile.FORMAT, header, null, null, null, sessions);
        CourseFile moved = DemoCourseLoader.shiftToToday(file, LocalDate.of(2026, 11, 25));
        LocalDate a = moved.sessions().get(0).date();
        LocalDate b = moved.sessions().get(1).date();
        assertEquals(DayOfWeek.MONDAY, a.getDayOfWeek());
        assertEquals(DayOfWeek.WEDNESDAY, b.getDayOfWeek());
        LocalDate middle = a.plusDays(java.time.temporal.ChronoUnit.DAYS.between(a, b) / 2);
        assertTrue(Math.abs(java.time.temporal.ChronoUnit.DAYS.between(middle, LocalDate.of(2026, 11, 25))) <= 3, middle.toString());
        assertTrue(moved.course().term().startsWith("Fall 2024 (demo"), moved.course().term());
    }

    @Test
    void demo_accounts_exist_for_every_role() {
        assertEquals("INSTRUCTOR", ((Map<?, ?>) ((List<?>) instructor().get("/api/me").get("courses")).get(0)).get("role"));
        assertEquals("STUDENT", ((Map<?, ?>) ((List<?>) student(20).get("/api/me").get("courses")).get(0)).get("role"));
    }

    private static CourseFile.SessionEntry session(LocalDate date) {
        return new CourseFile.SessionEntry(1, date, java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 15),
                SessionKind.LECTURE, "t", null, null, List.of(), List.of());
    }
}
