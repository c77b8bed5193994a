package org.paperclub.home;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPdfs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The home page's answer, on a hand-made course with a grace budget of 48 hours: student 1 handed in session 1's
 * critique 30 hours late (30 grace hours spent), has not handed in session 2's (10 hours past its deadline),
 * handed in session 3's on time, and has a 24-hour extension for session 4. Student 2 has done nothing; student 3
 * is graded. (Sessions 1 and 2 start half an hour
 * after the round hour, so that the seconds the test takes do not start another grace hour.)
 */
@MicronautTest
class HomeTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private long courseId;
    private List<Map<String, Object>> sessions;
    private ZonedDateTime now;

    @BeforeAll
    void makeTheTerm() {
        Api.Session instructor = instructor();
        now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        String file = """
                format: paperclub-course/1
                course: {code: HOME 1, title: Home seminar, term: Now, timeZone: UTC}
                policies:
                  critiquesRequired: 3
                  latePolicy:
                    accepted: true
                    grace: {unit: HOURS, budget: 48, maxPerItem: 48}
                    cutoffHours: 96
                papers:
                  - {key: a, title: Paper A}
                  - {key: b, title: Paper B}
                  - {key: c, title: Paper C}
                  - {key: d, title: Paper D}
                sessions:
                  - {number: 1, date: %s, start: "%s", end: "%s", topic: One, assigned: [a]}
                  - {number: 2, date: %s, start: "%s", end: "%s", topic: Two, assigned: [b]}
                  - {number: 3, date: %s, start: "%s", end: "%s", topic: Three, assigned: [c]}
                  - {number: 4, date: %s, start: "%s", end: "%s", topic: Four, assigned: [d]}
                """.formatted((Object[]) String.join(",", args(now.minusHours(30).plusMinutes(30)), args(now.minusHours(10).plusMinutes(30)),
                args(now.plusDays(2)), args(now.plusDays(3))).split(","));
        courseId = Api.id(instructor.post("/api/courses/import", file, "application/yaml").body());
        instructor.post("/api/courses/" + courseId + "/roster", Map.of("email", "student1@example.edu"));
        instructor.post("/api/courses/" + courseId + "/roster", Map.of("email", "student2@example.edu"));
        instructor.post("/api/courses/" + courseId + "/roster", Map.of("email", "student3@example.edu"));
        sessions = instructor.list("/api/courses/" + courseId + "/sessions");
        long student1 = Api.longOf(student(1).get("/api/me"), "id");
        instructor.post("/api/courses/" + courseId + "/extensions", Map.of("studentId", student1, "sessionId", Api.id(session(4)),
                "hours", 24, "reason", "Conference travel"));
        upload(student(1), 1);
        upload(student(1), 3);
    }

    @Test
    void the_home_lists_each_session_with_its_deadline_what_was_handed_in_and_the_late_policy_now() {
        Map<String, Object> home = courseIn(student(1).get("/api/me/home"), courseId);
        Map<String, Object> critiques = map(home, "critiques");
        assertEquals(2, Api.intOf(critiques, "accepted"));
        assertEquals(3, Api.intOf(critiques, "required"));

        Map<String, Object> one = due(critiques, 1);
        assertTrue((Boolean) one.get("passed"));
        Map<String, Object> item = list(one, "handedIn").get(0);
        assertEquals("Paper A", item.get("paperTitle"));
        assertTrue((Boolean) item.get("late"), "handed in 30 hours after the deadline");

        Map<String, Object> two = due(critiques, 2);
        assertTrue(list(two, "handedIn").isEmpty());
        assertTrue((Boolean) two.get("passed"));
        assertTrue((Boolean) two.get("acceptedNow"), "10 hours late is within the 18 grace hours left");
        assertTrue(((String) two.get("ifNow")).startsWith("Late, covered by grace: 10 grace hours spent"), (String) two.get("ifNow"));

        Map<String, Object> three = due(critiques, 3);
        assertFalse((Boolean) list(three, "handedIn").get(0).get("late"));
        assertTrue(((String) three.get("ifNow")).startsWith("On time"));
    }

    @Test
    void an_extension_moves_the_deadline_shown_at_home() {
        Map<String, Object> four = due(map(courseIn(student(1).get("/api/me/home"), courseId), "critiques"), 4);
        assertEquals(24, Api.intOf(four, "extensionHours"));
        OffsetDateTime start = OffsetDateTime.parse((String) session(4).get("startsAt"));
        assertEquals(start.plusHours(24).toInstant(), OffsetDateTime.parse((String) four.get("due")).toInstant());
        assertFalse((Boolean) four.get("passed"));
        assertTrue((Boolean) four.get("openPlace"));
    }

    @Test
    void the_grace_left_is_the_budget_minus_what_late_critiques_spent() {
        Map<String, Object> critiques = map(courseIn(student(1).get("/api/me/home"), courseId), "critiques");
        assertEquals("HOURS", critiques.get("graceUnit"));
        assertEquals(48, Api.intOf(critiques, "graceBudget"));
        assertEquals(18, Api.intOf(critiques, "graceLeft"), "48 hours less the 30 spent on session 1");
        Map<String, Object> other = map(courseIn(student(2).get("/api/me/home"), courseId), "critiques");
        assertEquals(48, Api.intOf(other, "graceLeft"), "student 2 spent none");
    }

    @Test
    void one_course_of_the_home_is_also_its_own_answer() {
        Map<String, Object> mine = student(1).get("/api/courses/" + courseId + "/me");
        assertEquals(courseId, Api.longOf(mine, "courseId"));
        assertEquals(18, Api.intOf(map(mine, "critiques"), "graceLeft"));
    }

    @Test
    void a_course_without_critiques_shows_none_and_a_block_without_my_role_shows_where_seats_are_free() {
        // Course 2 (Cornell) asks for no critiques and has supporting roles in blocks of sessions.
        Map<String, Object> cornell = courseIn(student(1).get("/api/me/home"), 2);
        assertNull(cornell.get("critiques"));
        Map<String, Object> signups = map(cornell, "signups");
        assertEquals(1, Api.intOf(signups, "presentationsRequired"));
        List<Map<String, Object>> missing = list(signups, "missingBlocks");
        assertFalse(missing.isEmpty(), "student 1 holds no role yet");
        Map<String, Object> open = missing.stream().flatMap(b -> list(b, "open").stream()).findFirst().orElseThrow();
        assertFalse(list(open, "freeRoles").isEmpty());
        assertNotNull(open.get("freezesAt"));
        int blockCount = missing.size();

        // Taking a role in that session fills its block.
        long sessionId = Api.longOf(open, "sessionId");
        long roleId = instructor().list("/api/courses/2/roles").stream()
                .filter(r -> r.get("name").equals(list(open, "freeRoles").get(0))).map(Api::id).findFirst().orElseThrow();
        student(1).post("/api/courses/2/sessions/" + sessionId + "/roles/" + roleId + "/signups", Map.of());
        Map<String, Object> after = map(courseIn(student(1).get("/api/me/home"), 2), "signups");
        assertEquals(blockCount - 1, list(after, "missingBlocks").size());
        assertEquals(list(open, "freeRoles").get(0), list(after, "roles").get(0).get("roleName"));
    }

    @Test
    void a_published_grade_and_an_answered_regrade_are_news_at_home() {
        Map<String, Object> home = courseIn(student(3).get("/api/me/home"), courseId);
        assertTrue(list(map(home, "grades"), "grades").isEmpty(), "nothing is graded yet");

        upload(student(3), 3);
        upload(student(3), 1);
        long critiqueId = Api.longOf(list(due(map(courseIn(student(3).get("/api/me/home"), courseId), "critiques"), 1), "handedIn").get(0),
                "critiqueId");
        Api.Session instructor = instructor();
        String base = "/api/courses/" + courseId;
        List<Map<String, Object>> saved = instructor.http().retrieve(instructor.authorize(HttpRequest.PUT(
                base + "/grades/critiques/" + critiqueId, Map.of("mark", "✓"))), Argument.listOf(MAP));
        long gradeId = Api.id(saved.get(0));
        instructor.post(base + "/sessions/" + Api.id(session(1)) + "/grades/publish", Map.of());

        Map<String, Object> news = map(courseIn(student(3).get("/api/me/home"), courseId), "grades");
        Map<String, Object> grade = list(news, "grades").get(0);
        assertEquals("Paper A", grade.get("subjectTitle"));
        assertEquals("✓", grade.get("value"));
        assertEquals(1, Api.intOf(grade, "sessionNumber"));

        long requestId = Api.id(student(3).post(base + "/grades/" + gradeId + "/regrades", Map.of("reason", "Please read page 1 again.")).body());
        instructor.post(base + "/regrades/" + requestId + "/answer", Map.of("answer", "Read again; the mark stands."));
        Map<String, Object> answer = list(map(courseIn(student(3).get("/api/me/home"), courseId), "grades"), "regrades").get(0);
        assertEquals("Read again; the mark stands.", answer.get("answer"));
        assertEquals("Paper A", answer.get("subjectTitle"));
    }

    @Test
    void staff_see_their_courses_with_what_waits_for_them_and_no_student_parts() {
        Map<String, Object> course = courseIn(instructor().get("/api/me/home"), courseId);
        assertEquals("INSTRUCTOR", course.get("role"));
        assertNull(course.get("critiques"));
        assertEquals(0, Api.intOf(map(course, "staff"), "openRegrades"));
    }

    @Test
    void staff_see_on_home_how_many_items_are_left_to_grade_as_grading_progress_counts_them() {
        Map<String, Object> progress = instructor().get("/api/courses/" + courseId + "/grading/progress");
        int left = list(progress, "sessions").stream().mapToInt(s -> Math.max(0, Api.intOf(s, "toGrade") - Api.intOf(s, "graded"))).sum();
        assertTrue(left > 0, "student 1's critiques wait for a grade: " + progress);

        Map<String, Object> course = courseIn(instructor().get("/api/me/home"), courseId);
        assertEquals(left, Api.intOf(map(course, "staff"), "toGrade"));
        assertNull(map(course, "staff").get("progress"), "the home page carries the count only");
    }

    @Test
    void a_course_me_gives_staff_the_grading_progress_and_the_policy_warnings_and_students_none_of_it() {
        Map<String, Object> staff = map(instructor().get("/api/courses/" + courseId + "/me"), "staff");
        Map<String, Object> progress = instructor().get("/api/courses/" + courseId + "/grading/progress");
        assertEquals(progress.get("sessions"), map(staff, "progress").get("sessions"));
        assertEquals(progress.get("gradedCritiques"), map(staff, "progress").get("gradedCritiques"));
        assertEquals(instructor().get("/api/courses/" + courseId).get("warnings"), staff.get("warnings"));

        assertNull(student(1).get("/api/courses/" + courseId + "/me").get("staff"));
    }

    private Map<String, Object> session(int number) {
        return sessions.stream().filter(s -> Api.intOf(s, "number") == number).findFirst().orElseThrow();
    }

    private static Map<String, Object> courseIn(Map<String, Object> home, long id) {
        return list(home, "courses").stream().filter(c -> Api.longOf(c, "courseId") == id).findFirst().orElseThrow();
    }

    private static Map<String, Object> due(Map<String, Object> critiques, int number) {
        return list(critiques, "sessions").stream().filter(s -> Api.intOf(s, "sessionNumber") == number).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    /** A session starting then (a minute earlier at 23:59), ending 50 minutes later or at 23:59, so the same day. */
    private static String args(ZonedDateTime start) {
        ZonedDateTime begin = start.getHour() == 23 && start.getMinute() == 59 ? start.minusMinutes(1) : start;
        java.time.LocalTime end = begin.plusMinutes(50).toLocalDate().equals(begin.toLocalDate())
                ? begin.plusMinutes(50).toLocalTime() : java.time.LocalTime.of(23, 59);
        return begin.toLocalDate() + "," + begin.toLocalTime() + "," + end;
    }

    private void upload(Api.Session s, int number) {
        Map<String, Object> session = session(number);
        Object paperId = list(session, "readings").get(0).get("paperId");
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session.get("id")))
                .addPart("paperId", String.valueOf(paperId))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), TestPdfs.goodCritique()).build();
        s.http().retrieve(s.authorize(HttpRequest.POST("/api/courses/" + courseId + "/critiques", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }
}
