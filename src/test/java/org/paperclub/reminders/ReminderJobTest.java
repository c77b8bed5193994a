package org.paperclub.reminders;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;
import org.paperclub.support.TestPdfs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reminder job against the app, with the clock set: what each student finds in their notifications. Every test
 * builds its own course in its own year, so that the job, which looks at every course, finds only that one due.
 */
@MicronautTest(transactional = false)
class ReminderJobTest extends ApiTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    ReminderJob job;

    /** A course with these policies and roles, and sessions at 13:00 New York time on these days, each assigning one paper. */
    private long course(String code, String policies, String roles, List<LocalDate> days, String sessionExtra) {
        StringBuilder file = new StringBuilder("""
                format: paperclub-course/1
                course: {code: %s, title: Reminders, term: Fall, timeZone: America/New_York}
                policies:
                %s
                """.formatted(code, policies.indent(2).stripTrailing()));
        file.append(roles).append("\npapers:\n");
        for (int i = 1; i <= days.size(); i++) {
            file.append("  - {key: p").append(i).append(", title: Paper ").append(i).append("}\n");
        }
        file.append("sessions:\n");
        for (int i = 1; i <= days.size(); i++) {
            file.append("  - {number: ").append(i).append(", date: ").append(days.get(i - 1))
                    .append(", start: \"13:00\", end: \"14:15\", topic: Topic ").append(i).append(", assigned: [p").append(i).append("]")
                    .append(sessionExtra).append("}\n");
        }
        long id = Api.id(instructor().post("/api/courses/import", file.toString(), "application/yaml").body());
        return id;
    }

    private long critiqueCourse(String code, String policies, LocalDate... days) {
        return course(code, "critiquesRequired: 3\npresentationsPerStudent: 0\n" + policies, "", List.of(days), "");
    }

    private void enroll(long courseId, int... students) {
        for (int n : students) {
            instructor().post("/api/courses/" + courseId + "/roster", Map.of("email", "student" + n + "@example.edu"));
        }
    }

    private static ZonedDateTime classOn(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(13, 0), NEW_YORK);
    }

    /** The reminders student {@code n} was told about in the course, newest first. */
    private List<Map<String, Object>> reminders(int n, long courseId) {
        return Api.listOf(student(n).get("/api/me/notifications?limit=100"), "items").stream()
                .filter(i -> i.get("courseId") != null && Api.longOf(i, "courseId") == courseId)
                .filter(i -> String.valueOf(i.get("kind")).endsWith("_REMINDER"))
                .toList();
    }

    private List<String> titles(int n, long courseId) {
        return reminders(n, courseId).stream().map(i -> (String) i.get("title")).toList();
    }

    private Map<String, Object> session(long courseId, int number) {
        return instructor().list("/api/courses/" + courseId + "/sessions").stream()
                .filter(s -> Api.intOf(s, "number") == number).findFirst().orElseThrow();
    }

    private void upload(int student, long courseId, int number) {
        Map<String, Object> session = session(courseId, number);
        Object paperId = Api.listOf(session, "readings").get(0).get("paperId");
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session.get("id")))
                .addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        Api.Session s = student(student);
        s.http().retrieve(s.authorize(HttpRequest.POST("/api/courses/" + courseId + "/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }

    @Test
    void each_student_gets_exactly_one_reminder_of_a_critique_even_when_two_jobs_run_at_once_and_again() throws Exception {
        LocalDate day = LocalDate.of(2031, 9, 9);
        long id = critiqueCourse("RJ 1", "", day);
        enroll(id, 1, 2, 3);
        clock.set(classOn(day).minusHours(23));

        AtomicInteger sent = new AtomicInteger();
        Callable<Integer> run = () -> {
            sent.addAndGet(job.runNow());
            return 200;
        };
        assertEquals(List.of(200, 200), Race.run(List.of(run, run), 2));
        assertEquals(3, sent.get(), "three students, one reminder each, whichever job sent it");
        assertEquals(0, job.runNow(), "a later run finds them sent");

        for (int n = 1; n <= 3; n++) {
            List<Map<String, Object>> mine = reminders(n, id);
            assertEquals(1, mine.size(), "student " + n + ": " + mine);
            assertEquals("CRITIQUE_REMINDER", mine.get(0).get("kind"));
            assertEquals("Critique due in 23 hours: Session 1", mine.get(0).get("title"));
            assertEquals("/#/courses/" + id + "/critiques", mine.get(0).get("link"));
            assertEquals(classOn(day).toInstant(), ZonedDateTime.parse((String) mine.get(0).get("happensAt")).toInstant());
        }
    }

    @Test
    void a_student_who_handed_in_the_critique_is_not_reminded_and_one_who_did_not_is() {
        LocalDate day = LocalDate.of(2032, 9, 14);
        long id = critiqueCourse("RJ 2", "", day);
        enroll(id, 1, 2);
        clock.set(classOn(day).minusHours(30));
        upload(1, id, 1);
        clock.set(classOn(day).minusHours(20));
        job.runNow();
        assertEquals(List.of(), titles(1, id));
        assertEquals(List.of("Critique due in 20 hours: Session 1"), titles(2, id));
    }

    @Test
    void after_downtime_only_what_is_still_within_its_lead_is_reminded_of_and_nothing_after_its_deadline() {
        LocalDate first = LocalDate.of(2033, 9, 13);
        long id = critiqueCourse("RJ 3", "", first, first.plusDays(1), first.plusDays(2));
        enroll(id, 1);
        clock.set(classOn(first).minusHours(48));
        assertEquals(0, job.runNow(), "nothing is due within 24 hours yet");

        // Down for two days: session 1's deadline passed an hour ago, session 2's is an hour ahead.
        clock.set(classOn(first.plusDays(1)).minusHours(1));
        job.runNow();
        assertEquals(List.of("Critique due in 1 hour: Session 2"), titles(1, id));

        clock.advance(Duration.ofHours(2));
        job.runNow();
        assertEquals(List.of("Critique due in 23 hours: Session 3", "Critique due in 1 hour: Session 2"), titles(1, id),
                "session 3 is now within 24 hours; session 2's deadline passed, nothing more about it");
    }

    @Test
    void a_withdrawn_student_gets_no_reminder() {
        LocalDate day = LocalDate.of(2034, 9, 12);
        long id = critiqueCourse("RJ 4", "", day);
        enroll(id, 1, 2);
        long student2 = Api.longOf(student(2).get("/api/me"), "id");
        instructor().delete("/api/courses/" + id + "/roster/" + student2);
        clock.set(classOn(day).minusHours(2));
        job.runNow();
        assertEquals(1, titles(1, id).size());
        assertEquals(List.of(), titles(2, id));
    }

    @Test
    void a_lead_time_of_0_turns_critique_reminders_off() {
        LocalDate day = LocalDate.of(2035, 9, 11);
        long id = critiqueCourse("RJ 5", "reminders: {critiqueHours: 0}", day);
        enroll(id, 1);
        clock.set(classOn(day).minusHours(2));
        job.runNow();
        assertEquals(List.of(), titles(1, id));
    }

    @Test
    void a_student_without_a_role_in_a_block_is_reminded_of_the_freeze_only_in_the_course_with_roles_then_of_their_role() {
        LocalDate day = LocalDate.of(2036, 9, 16);
        List<LocalDate> days = List.of(day, day.plusDays(2));
        String noCritiques = "critiquesRequired: 0\npresentationsPerStudent: 0\nroleBlockSize: 2\n";
        long withRoles = course("RJ 6A", noCritiques, "roles:\n  - {name: Archaeologist, description: Digs up the prior work., capacity: 2}\n", days,
                ", kind: PRESENTATION, presentationSlots: 1");
        long withoutRoles = course("RJ 6B", noCritiques, "", days, ", kind: PRESENTATION, presentationSlots: 1");
        enroll(withRoles, 1, 2);
        enroll(withoutRoles, 1, 2);

        ZonedDateTime freeze = classOn(day).minusHours(48);
        clock.set(freeze.minusDays(5));
        long sessionId = Api.id(session(withRoles, 1));
        long roleId = Api.id(instructor().list("/api/courses/" + withRoles + "/roles").get(0));
        student(2).post("/api/courses/" + withRoles + "/sessions/" + sessionId + "/roles/" + roleId + "/signups", Map.of());

        clock.set(freeze.minusHours(47));
        job.runNow();
        List<Map<String, Object>> mine = reminders(1, withRoles);
        assertEquals(List.of("Sign-ups freeze in 47 hours: Session 1"), mine.stream().map(m -> m.get("title")).toList());
        assertTrue(((String) mine.get(0).get("body")).contains("you hold no supporting role in sessions 1–2 yet"),
                (String) mine.get(0).get("body"));
        assertEquals("/#/courses/" + withRoles + "/signups", mine.get(0).get("link"));
        assertEquals(List.of(), titles(2, withRoles), "student 2 holds a role in the block");
        assertEquals(List.of(), titles(1, withoutRoles), "a course without roles or presentations has no sign-ups to remind of");

        clock.set(classOn(day).minusDays(3));
        job.runNow();
        assertEquals(List.of("Your role in 3 days: Session 1"), titles(2, withRoles));
        assertTrue(((String) reminders(2, withRoles).get(0).get("body")).startsWith("You are Archaeologist in session 1"));
    }
}
