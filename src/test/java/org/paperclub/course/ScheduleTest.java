package org.paperclub.course;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class ScheduleTest extends ApiTest {

    private static final String SESSIONS = "/api/courses/1/sessions";
    private static final String PAPERS = "/api/courses/1/papers";

    static Map<String, Object> guestLecture() {
        Map<String, Object> s = new HashMap<>();
        s.put("date", "2026-12-14");
        s.put("startTime", "14:00");
        s.put("endTime", "15:15");
        s.put("topic", "Guest lecture: data provenance");
        s.put("location", "Iribe 0318");
        return s;
    }

    static Map<String, Object> flashAttention() {
        return Map.of("title", "FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning",
                "authors", "Tri Dao", "venue", "ICLR", "year", 2024, "link", "arXiv:2307.08691");
    }

    @Test
    void everyone_enrolled_sees_the_schedule_in_date_order_with_readings_and_times_in_the_course_zone() {
        List<Map<String, Object>> sessions = student().list(SESSIONS);
        assertTrue(sessions.size() >= 29);
        for (int i = 1; i < sessions.size(); i++) {
            assertTrue(((String) sessions.get(i - 1).get("date")).compareTo((String) sessions.get(i).get("date")) <= 0);
        }
        Map<String, Object> attention = sessions.stream().filter(s -> Api.intOf(s, "number") == 4).findFirst().orElseThrow();
        assertEquals("Transformers and word embeddings", attention.get("topic"));
        List<?> readings = (List<?>) attention.get("readings");
        Map<?, ?> first = (Map<?, ?>) readings.get(0);
        assertEquals("ASSIGNED", first.get("kind"));
        assertEquals("Attention is all you need", Api.mapOf(first, "paper").get("title"));
        assertTrue(readings.stream().anyMatch(r -> "ADDITIONAL".equals(((Map<?, ?>) r).get("kind"))));
        // 14:00 in New York, with the offset of that date: the page shows the viewer's own time from it.
        assertTrue(((String) attention.get("startsAt")).matches("\\d{4}-\\d\\d-\\d\\dT14:00(:00)?-0[45]:00"), (String) attention.get("startsAt"));
    }

    @Test
    void staff_add_change_and_cancel_a_session() {
        Api.Session ta = ta();
        int highest = ta.list(SESSIONS).stream().mapToInt(s -> Api.intOf(s, "number")).max().orElseThrow();
        HttpResponse<Map<String, Object>> created = ta.post(SESSIONS, guestLecture());
        assertEquals(201, created.code());
        String location = created.getHeaders().get("Location");
        Map<String, Object> body = created.body();
        assertEquals(location, SESSIONS + "/" + body.get("id"));
        assertEquals("LECTURE", body.get("kind"));
        assertEquals(highest + 1, Api.intOf(body, "number"), "the next free number");

        Map<String, Object> cancelled = guestLecture();
        cancelled.put("kind", "NO_CLASS");
        cancelled.put("topic", "Cancelled: instructor travelling");
        assertEquals("NO_CLASS", ta.put(location, cancelled).body().get("kind"));
        assertEquals("Cancelled: instructor travelling", student().get(location).get("topic"));

        assertEquals(204, ta.delete(location).code());
        problem(404, () -> student().get(location));
    }

    @Test
    void students_cannot_change_the_schedule() {
        Api.Session student = student();
        Map<String, Object> p = problem(403, () -> student.post(SESSIONS, guestLecture()));
        assertEquals("Only the instructors and TAs of this course can change the schedule.", p.get("detail"));
        problem(403, () -> student.put(SESSIONS + "/4", guestLecture()));
        problem(403, () -> student.delete(SESSIONS + "/4"));
        problem(403, () -> student.post(PAPERS, flashAttention()));
        problem(403, () -> student.post(SESSIONS + "/4/readings", Map.of("paperId", 1)));
        problem(403, () -> student.delete(SESSIONS + "/4/readings/5"));
        problem(403, () -> student.post("/api/courses/1/roles", Map.of("name", "Scribe", "description", "Takes notes.", "capacity", 1)));
        assertEquals("Transformers and word embeddings", student.get(SESSIONS + "/4").get("topic"), "nothing changed");
    }

    @Test
    void a_user_of_another_course_is_refused_and_a_missing_course_is_404() {
        Api.Session instructor = instructor();
        HttpResponse<Map<String, Object>> other = instructor.post("/api/courses",
                Map.of("code", "CS 6785", "title", "Deep Generative Models", "term", "Spring 2026", "timeZone", "America/New_York"));
        assertEquals(201, other.code());
        Object otherId = other.body().get("id");
        Map<String, Object> p = problem(403, () -> student().get("/api/courses/" + otherId));
        assertEquals("You are not enrolled in CS 6785.", p.get("detail"));
        problem(403, () -> student().list("/api/courses/" + otherId + "/sessions"));
        problem(403, () -> ta().post("/api/courses/" + otherId + "/sessions", guestLecture()));
        problem(404, () -> student().get("/api/courses/999/sessions"));
        // A session of course 1 cannot be reached through another course's address.
        problem(404, () -> instructor.get("/api/courses/" + otherId + "/sessions/4"));
    }

    @Test
    void bad_session_input_is_a_clear_4xx_naming_the_field() {
        Api.Session ta = ta();
        Map<String, Object> noTopic = guestLecture();
        noTopic.put("topic", " ");
        Map<String, Object> p = problem(400, () -> ta.post(SESSIONS, noTopic));
        assertTrue(((List<?>) p.get("errors")).stream().anyMatch(e -> "topic".equals(((Map<?, ?>) e).get("field"))), p.toString());

        Map<String, Object> backwards = guestLecture();
        backwards.put("endTime", "13:00");
        assertEquals("A session must end after it starts.", problem(422, () -> ta.post(SESSIONS, backwards)).get("detail"));

        Map<String, Object> badDate = guestLecture();
        badDate.put("date", "next tuesday");
        problem(400, () -> ta.post(SESSIONS, badDate));

        Map<String, Object> taken = guestLecture();
        taken.put("number", 4);
        assertEquals("This course already has a session number 4.", problem(409, () -> ta.post(SESSIONS, taken)).get("detail"));

        Map<String, Object> badKind = guestLecture();
        badKind.put("kind", "PARTY");
        problem(400, () -> ta.post(SESSIONS, badKind));
    }

    @Test
    void staff_place_papers_on_sessions_and_take_them_off() {
        Api.Session instructor = instructor();
        HttpResponse<Map<String, Object>> paper = instructor.post(PAPERS, flashAttention());
        assertEquals(201, paper.code());
        Object paperId = paper.body().get("id");
        assertEquals("dao2024", paper.body().get("key"), "a readable key from author and year");

        Map<String, Object> session = instructor.post(SESSIONS + "/17/readings", Map.of("paperId", paperId, "kind", "ADDITIONAL")).body();
        assertTrue(readingOf(session, paperId).contains("ADDITIONAL"));
        // Placing it again changes its kind instead of duplicating it.
        session = instructor.post(SESSIONS + "/17/readings", Map.of("paperId", paperId, "kind", "ASSIGNED")).body();
        assertEquals(List.of("ASSIGNED"), readingOf(session, paperId));

        Map<String, Object> p = problem(409, () -> instructor.delete(PAPERS + "/" + paperId));
        assertTrue(((String) p.get("detail")).contains("Remove it from the sessions first"), (String) p.get("detail"));

        assertEquals(204, instructor.delete(SESSIONS + "/17/readings/" + paperId).code());
        assertTrue(readingOf(student().get(SESSIONS + "/17"), paperId).isEmpty());
        problem(404, () -> instructor.delete(SESSIONS + "/17/readings/" + paperId));
        assertEquals(204, instructor.delete(PAPERS + "/" + paperId).code());
        problem(404, () -> student().get(PAPERS + "/" + paperId));
    }

    @Test
    void a_paper_of_another_course_cannot_be_placed() {
        Api.Session instructor = instructor();
        Object otherCourse = instructor.post("/api/courses",
                Map.of("code", "CS 9999", "title", "Other", "term", "Spring 2026", "timeZone", "Europe/Berlin")).body().get("id");
        Object foreign = instructor.post("/api/courses/" + otherCourse + "/papers", flashAttention()).body().get("id");
        problem(404, () -> instructor.post(SESSIONS + "/17/readings", Map.of("paperId", foreign)));
    }

    @Test
    void papers_are_edited_and_keys_stay_unique() {
        Api.Session ta = ta();
        Map<String, Object> created = ta.post(PAPERS, Map.of("key", "shannon1948", "title", "A Mathematical Theory of Communication",
                "authors", "C. E. Shannon", "year", 1948)).body();
        Map<String, Object> changed = new HashMap<>(created);
        changed.put("venue", "Bell System Technical Journal");
        changed.remove("id");
        assertEquals("Bell System Technical Journal", ta.put(PAPERS + "/" + created.get("id"), changed).body().get("venue"));
        problem(409, () -> ta.post(PAPERS, Map.of("key", "shannon1948", "title", "Duplicate")));
        problem(400, () -> ta.post(PAPERS, Map.of("key", "Not A Key!", "title", "Bad key")));
        problem(400, () -> ta.post(PAPERS, Map.of("title", "Year out of range", "year", 20240)));
    }

    @Test
    void staff_edit_the_supporting_roles() {
        Api.Session ta = ta();
        List<Map<String, Object>> roles = student().list("/api/courses/2/roles");
        assertEquals(7, roles.size());
        assertEquals("Peer Reviewer", roles.get(0).get("name"));
        Map<String, Object> scribe = ta.post("/api/courses/2/roles", Map.of("name", "Scribe", "description", "Takes the notes.", "capacity", 1)).body();
        problem(409, () -> ta.post("/api/courses/2/roles", Map.of("name", "scribe", "description", "Again.", "capacity", 1)));
        problem(400, () -> ta.post("/api/courses/2/roles", Map.of("name", "Crowd", "description", "Too many.", "capacity", 3)));
        assertEquals(2, Api.intOf(ta.put("/api/courses/2/roles/" + scribe.get("id"),
                Map.of("name", "Scribe", "description", "Takes the notes.", "capacity", 2)).body(), "capacity"));
        assertEquals(204, ta.delete("/api/courses/2/roles/" + scribe.get("id")).code());
        assertEquals(7, student().list("/api/courses/2/roles").size());
    }

    @Test
    void only_instructors_change_course_policies() {
        Map<String, Object> course = new HashMap<>(instructor().get("/api/courses/1"));
        Map<String, Object> policies = new HashMap<>(Api.mapOf(course, "policies"));
        policies.put("critiquesRequired", 8);
        Map<String, Object> update = Map.of("code", course.get("code"), "title", course.get("title"), "term", course.get("term"),
                "timeZone", course.get("timeZone"), "policies", policies);
        problem(403, () -> ta().put("/api/courses/1", update));
        problem(403, () -> student().put("/api/courses/1", update));
        Map<String, Object> updated = instructor().put("/api/courses/1", update).body();
        assertEquals(8, Api.intOf(Api.mapOf(updated, "policies"), "critiquesRequired"));

        Map<String, Object> badZone = new HashMap<>(update);
        badZone.put("timeZone", "Mars/Olympus_Mons");
        assertFalse(((String) problem(422, () -> instructor().put("/api/courses/1", badZone)).get("detail")).isBlank());
    }

    @Test
    void parallel_requests_for_one_session_number_create_exactly_one_session() throws Exception {
        Api.Session ta = ta();
        Map<String, Object> body = guestLecture();
        body.put("number", 40);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(() -> ta.post(SESSIONS, body).code());
        }
        List<Integer> codes = Race.run(calls, 16);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(15, codes.stream().filter(c -> c == 409).count(), "the rest are told, never a 500: " + codes);
        assertEquals(1, student().list(SESSIONS).stream().filter(s -> Api.intOf(s, "number") == 40).count());
    }

    @Test
    void students_cannot_create_courses() {
        problem(403, () -> student().post("/api/courses",
                Map.of("code", "X 1", "title", "Mine", "term", "Fall 2026", "timeZone", "UTC")));
    }

    private static List<Object> readingOf(Map<String, Object> session, Object paperId) {
        return ((List<?>) session.get("readings")).stream().map(r -> (Map<?, ?>) r)
                .filter(r -> String.valueOf(r.get("paperId")).equals(String.valueOf(paperId)))
                .map(r -> (Object) r.get("kind")).toList();
    }
}
