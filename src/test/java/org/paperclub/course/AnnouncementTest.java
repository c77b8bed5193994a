package org.paperclub.course;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.intOf;
import static org.paperclub.support.Api.listOf;
import static org.paperclub.support.Api.problem;

/** Staff announce something to the class: it is kept on the course and every member still in it is told. */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class AnnouncementTest extends ApiTest {

    private static final String ANNOUNCEMENTS = "/api/courses/" + DEMO + "/announcements";

    private static List<Map<String, Object>> announcementsIn(Api.Session who) {
        return listOf(who.get("/api/me/notifications?limit=100"), "items").stream()
                .filter(n -> n.get("kind").equals("ANNOUNCEMENT")).toList();
    }

    @Test
    void staff_post_an_announcement_and_every_student_finds_it_under_the_bell() {
        var student3 = student(3);
        long unreadBefore = intOf(student3.get("/api/me/notifications/unread"), "unread");

        var posted = ta().post(ANNOUNCEMENTS, Map.of("title", "  Room change on Thursday ", "body", "We meet in room 2117.\nBring the paper."));
        assertEquals(201, posted.code());
        assertEquals("Room change on Thursday", posted.body().get("title"), "stored trimmed");
        assertEquals(stillInTheCourse() - 1, intOf(posted.body(), "notified"), "everyone but the TA who wrote it");

        assertEquals(unreadBefore + 1, intOf(student3.get("/api/me/notifications/unread"), "unread"));
        Map<String, Object> notice = announcementsIn(student3).get(0);
        assertEquals("Room change on Thursday", notice.get("title"));
        assertEquals("Tomás Assistant (TA) wrote:\nWe meet in room 2117.\nBring the paper.", notice.get("body"),
                "the notice says who wrote it");
        assertEquals("/#/courses/" + DEMO, notice.get("link"));
        assertEquals("ACCOUNTS", notice.get("courseCode"));
        for (int n = 1; n <= 19; n++) { // student 20 may be withdrawn by another test
            assertTrue(announcementsIn(student(n)).stream().anyMatch(a -> a.get("title").equals("Room change on Thursday")),
                    "student " + n + " is told");
        }
        assertTrue(announcementsIn(instructor()).stream().anyMatch(a -> a.get("title").equals("Room change on Thursday")));
        assertTrue(announcementsIn(ta()).stream().noneMatch(a -> a.get("title").equals("Room change on Thursday")),
                "the author is not told what they wrote");
    }

    @Test
    void everyone_in_the_course_reads_the_announcements_newest_first_with_the_authors_name() {
        instructor().post(ANNOUNCEMENTS, Map.of("title", "First of two", "body", "One."));
        instructor().post(ANNOUNCEMENTS, Map.of("title", "Second of two", "body", "Two."));
        Map<String, Object> page = student(4).get(ANNOUNCEMENTS + "?limit=2");
        List<Map<String, Object>> items = listOf(page, "items");
        assertEquals(List.of("Second of two", "First of two"), items.stream().map(a -> a.get("title")).toList());
        assertEquals(instructor().get("/api/me").get("name"), items.get(0).get("authorName"));
        assertTrue(intOf(page, "total") >= 2);
    }

    @Test
    void the_course_pages_shared_answer_carries_the_three_newest_so_the_page_loads_in_two_requests() {
        Object versionBefore = student(8).get("/api/courses/" + DEMO + "/schedule").get("version");
        for (String title : List.of("One", "Two", "Three", "Four")) {
            ta().post(ANNOUNCEMENTS, Map.of("title", "Newest " + title, "body", "Text."));
        }
        Map<String, Object> page = student(8).get("/api/courses/" + DEMO + "/schedule");
        assertTrue(!versionBefore.equals(page.get("version")), "an announcement is a new version of the shared answer");
        Map<String, Object> announcements = Api.mapOf(page, "announcements");
        assertEquals(List.of("Newest Four", "Newest Three", "Newest Two"),
                listOf(announcements, "items").stream().map(a -> a.get("title")).toList());
        assertEquals(intOf(student(8).get(ANNOUNCEMENTS), "total"), intOf(announcements, "total"));
    }

    @Test
    void a_student_cannot_post_an_announcement() {
        Map<String, Object> p = problem(403, () -> student(5).post(ANNOUNCEMENTS, Map.of("title", "Party", "body", "Tonight!")));
        assertTrue(String.valueOf(p.get("detail")).contains("post announcements to the class"), String.valueOf(p.get("detail")));
        assertTrue(listOf(student(6).get(ANNOUNCEMENTS), "items").stream().noneMatch(a -> a.get("title").equals("Party")));
    }

    @Test
    void an_empty_or_oversized_title_or_message_is_refused_with_a_sentence_and_nobody_is_told() {
        long before = intOf(student(7).get("/api/me/notifications/unread"), "unread");
        String empty = detail(problem(400, () -> instructor().post(ANNOUNCEMENTS, Map.of("title", "  ", "body", "Hello."))));
        assertTrue(empty.contains("title is empty: give the announcement a short title"), empty);
        String tooLong = detail(problem(400, () -> instructor().post(ANNOUNCEMENTS, Map.of("title", "x".repeat(201), "body", "Hello."))));
        assertTrue(tooLong.contains("title is too long: at most 200 characters"), tooLong);
        String noBody = detail(problem(400, () -> instructor().post(ANNOUNCEMENTS, Map.of("title", "Hello", "body", ""))));
        assertTrue(noBody.contains("body is empty"), noBody);
        problem(400, () -> instructor().post(ANNOUNCEMENTS, Map.of("title", "Hello", "body", "y".repeat(4001))));
        String twoLines = detail(problem(400, () -> instructor().post(ANNOUNCEMENTS, Map.of("title", "Two\nlines", "body", "Hello."))));
        assertTrue(twoLines.contains("title"), twoLines);
        assertEquals(before, intOf(student(7).get("/api/me/notifications/unread"), "unread"));
    }

    @Test
    void a_withdrawn_student_is_not_told() {
        var student20 = student(20);
        Object id = student20.get("/api/me").get("id");
        instructor().delete(ANNOUNCEMENTS.replace("/announcements", "/roster/" + id));
        long before = announcementsIn(student20).size();
        var posted = instructor().post(ANNOUNCEMENTS, Map.of("title", "After the withdrawal", "body", "Only for those still here."));
        assertEquals(before, announcementsIn(student20).size());
        assertEquals(stillInTheCourse() - 1, intOf(posted.body(), "notified"));
        assertTrue(stillInTheCourse() < 22, "22 accounts in the course, one withdrawn");
        problem(403, () -> student20.get(ANNOUNCEMENTS));
    }

    private long stillInTheCourse() {
        return instructor().list("/api/courses/" + DEMO + "/roster").stream().filter(e -> !Boolean.TRUE.equals(e.get("withdrawn"))).count();
    }

    private static String detail(Map<String, Object> problem) {
        return String.valueOf(problem.get("detail"));
    }
}
