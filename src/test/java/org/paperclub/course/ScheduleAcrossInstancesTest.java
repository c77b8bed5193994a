package org.paperclub.course;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.TestDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schedule is kept as JSON per version and answered 304 to a browser that already holds it. Two instances on
 * one database, as behind a load balancer: a change made through one is in the other's very next answer, and the
 * tag the other gave before no longer answers 304.
 */
class ScheduleAcrossInstancesTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(MAP);
    private static final String SESSIONS = "/api/courses/1/sessions";

    private final Map<String, String> database = TestDatabase.fresh();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Api.Session staffOnA;
    private Api.Session studentOnB;

    @BeforeEach
    void twoInstances() {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("micronaut.server.port", -1);
        settings.put("paperclub.password.bcrypt-cost", 4);
        settings.put("paperclub.demo.activity", false);
        settings.put("paperclub.sessions.secret", "one-secret-for-every-instance-0123456789");
        staffOnA = signIn(start(settings), "instructor@example.edu");
        studentOnB = signIn(start(settings), "student1@example.edu");
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    @Test
    void a_repeated_schedule_read_naming_its_etag_is_answered_304_without_a_body() {
        HttpResponse<List<Map<String, Object>>> first = read(studentOnB, SESSIONS, null, LIST);
        String etag = first.header("ETag");
        assertNotNull(etag, "the schedule carries an ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong tag: " + etag);
        assertEquals("private, no-cache", first.header("Cache-Control"), "browsers keep it and ask again each time");
        assertTrue(first.body().size() >= 29);

        HttpResponse<String> again = read(studentOnB, SESSIONS, etag, Argument.STRING);
        assertEquals(304, again.code());
        assertTrue(again.getBody(String.class).orElse("").isEmpty());
        assertEquals(etag, again.header("ETag"));
        assertEquals(200, read(studentOnB, SESSIONS, "\"some-other-tag\"", LIST).code());
    }

    @Test
    void a_session_changed_on_one_instance_is_in_the_other_instances_next_read_and_its_old_etag_gives_200() {
        Map<String, Object> session = read(studentOnB, SESSIONS, null, LIST).body().get(3);
        long id = Api.id(session);
        String oldAll = read(studentOnB, SESSIONS, null, LIST).header("ETag");
        String oldOne = read(studentOnB, SESSIONS + "/" + id, null, MAP).header("ETag");

        Map<String, Object> change = new HashMap<>();
        for (String k : List.of("number", "date", "startTime", "endTime", "location", "kind", "presentationSlots")) {
            change.put(k, session.get(k));
        }
        change.put("topic", "Moved to the big hall");
        assertEquals(200, staffOnA.put(SESSIONS + "/" + id, change).code());

        HttpResponse<List<Map<String, Object>>> all = read(studentOnB, SESSIONS, oldAll, LIST);
        assertEquals(200, all.code(), "the old tag no longer matches");
        assertNotEquals(oldAll, all.header("ETag"));
        assertEquals("Moved to the big hall", all.body().get(3).get("topic"));
        HttpResponse<Map<String, Object>> one = read(studentOnB, SESSIONS + "/" + id, oldOne, MAP);
        assertEquals(200, one.code());
        assertEquals("Moved to the big hall", one.body().get("topic"));
    }

    @Test
    void a_reading_placed_and_a_paper_renamed_on_one_instance_show_on_the_other() {
        long sessionId = Api.id(read(studentOnB, SESSIONS, null, LIST).body().get(0));
        String before = read(studentOnB, SESSIONS, null, LIST).header("ETag");
        long paperId = Api.id(staffOnA.post("/api/courses/1/papers", Map.of("title", "A paper added today")).body());
        assertEquals(201, staffOnA.post(SESSIONS + "/" + sessionId + "/readings",
                Map.of("paperId", paperId, "kind", "ADDITIONAL")).code());

        HttpResponse<Map<String, Object>> one = read(studentOnB, SESSIONS + "/" + sessionId, null, MAP);
        assertTrue(titles(one.body()).contains("A paper added today"), titles(one.body()).toString());
        assertEquals(200, read(studentOnB, SESSIONS, before, LIST).code());

        String placed = read(studentOnB, SESSIONS, null, LIST).header("ETag");
        assertEquals(200, staffOnA.put("/api/courses/1/papers/" + paperId, Map.of("title", "A paper renamed")).code());
        HttpResponse<List<Map<String, Object>>> all = read(studentOnB, SESSIONS, placed, LIST);
        assertEquals(200, all.code());
        assertTrue(titles(all.body().get(0)).contains("A paper renamed"));

        String renamed = all.header("ETag");
        assertEquals(204, staffOnA.delete(SESSIONS + "/" + sessionId + "/readings/" + paperId).code());
        HttpResponse<List<Map<String, Object>>> removed = read(studentOnB, SESSIONS, renamed, LIST);
        assertEquals(200, removed.code());
        assertTrue(!titles(removed.body().get(0)).contains("A paper renamed"));
    }

    @Test
    void a_new_course_time_zone_set_on_one_instance_moves_the_times_the_other_sends() {
        Map<String, Object> first = read(studentOnB, SESSIONS, null, LIST).body().get(0);
        String etag = read(studentOnB, SESSIONS, null, LIST).header("ETag");
        Map<String, Object> course = new HashMap<>(staffOnA.get("/api/courses/1"));
        for (String k : List.of("id", "role", "warnings", "lmsLinked")) {
            course.remove(k);
        }
        course.put("timeZone", "Asia/Tokyo");
        assertEquals(200, staffOnA.put("/api/courses/1", course).code());

        HttpResponse<List<Map<String, Object>>> after = read(studentOnB, SESSIONS, etag, LIST);
        assertEquals(200, after.code());
        assertNotEquals(first.get("startsAt"), after.body().get(0).get("startsAt"));
        assertTrue(((String) after.body().get(0).get("startsAt")).endsWith("+09:00"));
    }

    @Test
    void the_schedule_page_answer_holds_course_roles_papers_and_sessions_and_follows_role_and_course_changes_from_the_other_instance() {
        String page = "/api/courses/1/schedule";
        HttpResponse<Map<String, Object>> first = read(studentOnB, page, null, MAP);
        Map<String, Object> course = Api.mapOf(first.body(), "course");
        assertEquals(staffOnA.get("/api/courses/1").get("code"), course.get("code"));
        assertNull(course.get("role"), "the reader's role is personal: /me says it");
        assertEquals(read(studentOnB, SESSIONS, null, LIST).body(), first.body().get("sessions"));
        assertEquals(staffOnA.list("/api/courses/1/papers"), first.body().get("papers"));
        assertEquals(staffOnA.list("/api/courses/1/roles"), first.body().get("roles"));
        String etag = first.header("ETag");
        assertEquals(304, read(studentOnB, page, etag, Argument.STRING).code());

        assertEquals(201, staffOnA.post("/api/courses/1/roles",
                Map.of("name", "Devil's advocate", "description", "Argues against the paper.", "capacity", 1)).code());
        HttpResponse<Map<String, Object>> withRole = read(studentOnB, page, etag, MAP);
        assertEquals(200, withRole.code(), "a new role changes the page");
        assertTrue(Api.listOf(withRole.body(), "roles").stream().anyMatch(r -> "Devil's advocate".equals(r.get("name"))));

        Map<String, Object> change = new HashMap<>(staffOnA.get("/api/courses/1"));
        for (String k : List.of("id", "role", "warnings", "lmsLinked")) {
            change.remove(k);
        }
        change.put("title", "A title changed today");
        assertEquals(200, staffOnA.put("/api/courses/1", change).code());
        HttpResponse<Map<String, Object>> renamed = read(studentOnB, page, withRole.header("ETag"), MAP);
        assertEquals(200, renamed.code(), "a course change changes the page");
        assertEquals("A title changed today", Api.mapOf(renamed.body(), "course").get("title"));
    }

    @Test
    void an_announcement_corrected_or_withdrawn_on_one_instance_is_so_in_the_other_instances_next_course_page() {
        String page = "/api/courses/1/schedule";
        long id = Api.id(staffOnA.post("/api/courses/1/announcements", Map.of("title", "Room 1116", "body", "As usual.")).body());
        HttpResponse<Map<String, Object>> posted = read(studentOnB, page, null, MAP);
        assertEquals("Room 1116", newestTitle(posted.body()));

        assertEquals(200, staffOnA.put("/api/courses/1/announcements/" + id, Map.of("title", "Room 2117", "body", "Not as usual.")).code());
        HttpResponse<Map<String, Object>> corrected = read(studentOnB, page, posted.header("ETag"), MAP);
        assertEquals(200, corrected.code(), "the old tag no longer matches");
        assertEquals("Room 2117", newestTitle(corrected.body()));

        assertEquals(204, staffOnA.delete("/api/courses/1/announcements/" + id).code());
        HttpResponse<Map<String, Object>> withdrawn = read(studentOnB, page, corrected.header("ETag"), MAP);
        assertEquals(200, withdrawn.code());
        assertTrue(Api.listOf(Api.mapOf(withdrawn.body(), "announcements"), "items").stream().noneMatch(a -> Api.id(a) == id));
    }

    private static Object newestTitle(Map<String, Object> page) {
        return Api.listOf(Api.mapOf(page, "announcements"), "items").get(0).get("title");
    }

    private static List<?> titles(Map<String, Object> session) {
        return ((List<?>) session.get("readings")).stream().map(r -> ((Map<?, ?>) ((Map<?, ?>) r).get("paper")).get("title")).map(String::valueOf).toList();
    }

    private static <T> HttpResponse<T> read(Api.Session who, String path, String ifNoneMatch, Argument<T> type) {
        var request = who.authorize(HttpRequest.GET(path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return who.http().exchange(request, type);
    }

    private EmbeddedServer start(Map<String, Object> settings) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings);
        open.add(0, () -> server.getApplicationContext().close());
        return server;
    }

    private Api.Session signIn(EmbeddedServer server, String email) {
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        open.add(0, client);
        BlockingHttpClient http = client.toBlocking();
        HttpResponse<Map<String, Object>> response = http.exchange(
                HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", Api.PASSWORD)), MAP);
        return new Api.Session(http, response.getCookie("PAPERCLUB_SESSION").orElseThrow().getValue(),
                (String) response.body().get("csrfToken"));
    }
}
