package org.paperclub.course;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.intOf;
import static org.paperclub.support.Api.listOf;
import static org.paperclub.support.Api.problem;

/**
 * Staff correct an announcement (a typo, a wrong room) or withdraw it: the course page, the list and the notices
 * already in the bells follow; students and anyone outside the course can do neither.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class AnnouncementCorrectionTest extends ApiTest {

    private static final String ANNOUNCEMENTS = "/api/courses/" + DEMO + "/announcements";
    private static int courses;

    private static List<Map<String, Object>> noticesTitled(Api.Session who, String title) {
        return listOf(who.get("/api/me/notifications?limit=100"), "items").stream()
                .filter(n -> n.get("kind").equals("ANNOUNCEMENT") && n.get("title").equals(title)).toList();
    }

    private static long unread(Api.Session who) {
        return intOf(who.get("/api/me/notifications/unread"), "unread");
    }

    private static Map<String, Object> inTheList(Api.Session who, String base, long id) {
        return listOf(who.get(base + "?limit=200"), "items").stream().filter(a -> Api.id(a) == id).findFirst().orElse(null);
    }

    private long posted(Api.Session staff, String base, String title, String body) {
        return Api.id(staff.post(base, Map.of("title", title, "body", body)).body());
    }

    private static String detail(Map<String, Object> problem) {
        return String.valueOf(problem.get("detail"));
    }

    @Test
    void a_corrected_announcement_shows_the_new_text_marked_edited_and_keeps_its_author_and_time() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Room chnage", "We meet in room 2117.");
        Map<String, Object> before = inTheList(student(2), ANNOUNCEMENTS, id);
        assertNull(before.get("editedAt"), "a new announcement is not edited");

        var corrected = ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", " Room change ", "body", "We meet in room 1117."));
        assertEquals(200, corrected.code());
        assertEquals("Room change", corrected.body().get("title"), "stored trimmed, as when posting");
        assertNull(corrected.body().get("notified"), "nobody was told again");

        Map<String, Object> after = inTheList(student(2), ANNOUNCEMENTS, id);
        assertEquals("Room change", after.get("title"));
        assertEquals("We meet in room 1117.", after.get("body"));
        assertNotNull(after.get("editedAt"), "it says that it was edited, and when");
        assertEquals(before.get("authorName"), after.get("authorName"), "the instructor who wrote it stays its author");
        assertEquals(before.get("createdAt"), after.get("createdAt"), "and it keeps its time");
    }

    @Test
    void the_notices_already_given_show_the_corrected_text_and_nobody_is_told_twice() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Quiz on Tuesday", "Chapter 3.");
        long unreadBefore = unread(student(3));

        ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Quiz on Thursday", "body", "Chapter 4."));

        assertEquals(unreadBefore, unread(student(3)), "a quiet correction tells nobody again");
        assertTrue(noticesTitled(student(3), "Quiz on Tuesday").isEmpty(), "no bell keeps the wrong day");
        Map<String, Object> notice = noticesTitled(student(3), "Quiz on Thursday").get(0);
        assertEquals("Ada Instructor (instructor) wrote:\nChapter 4.", notice.get("body"), "still in its author's name");
    }

    @Test
    void staff_who_ask_for_it_tell_everyone_again_as_corrected_and_a_later_correction_keeps_that_word() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Guest talk at 3", "In the atrium.");
        long unreadBefore = unread(student(4));

        var told = ta().put(ANNOUNCEMENTS + "/" + id + "?notify=true", Map.of("title", "Guest talk at 4", "body", "In the atrium."));
        assertEquals(200, told.code());
        assertEquals(stillInTheCourse() - 1, intOf(told.body(), "notified"), "everyone but the TA who corrected it");
        assertEquals(unreadBefore + 1, unread(student(4)));
        assertEquals(1, noticesTitled(student(4), "Corrected: Guest talk at 4").size());
        assertEquals(1, noticesTitled(student(4), "Guest talk at 4").size(), "the first notice shows the corrected text too");
        assertEquals(1, noticesTitled(instructor(), "Corrected: Guest talk at 4").size(), "the author is told of the correction");
        assertTrue(noticesTitled(ta(), "Corrected: Guest talk at 4").isEmpty(), "the TA knows what they corrected");

        ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Guest talk at 5", "body", "In the atrium."));
        assertEquals(1, noticesTitled(student(4), "Corrected: Guest talk at 5").size());
        assertEquals(1, noticesTitled(student(4), "Guest talk at 5").size());
    }

    @Test
    void a_ta_who_corrects_the_instructors_announcement_is_named_in_the_correction_not_the_instructor() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Office hours", "Monday at 2.");

        ta().put(ANNOUNCEMENTS + "/" + id + "?notify=true", Map.of("title", "Office hours", "body", "Tuesday at 2."));

        Map<String, Object> correction = noticesTitled(student(12), "Corrected: Office hours").get(0);
        assertEquals("Tomás Assistant (TA) corrected:\nTuesday at 2.", correction.get("body"), "the TA made the correction");
        Map<String, Object> first = noticesTitled(student(12), "Office hours").get(0);
        assertEquals("Ada Instructor (instructor) wrote:\nTuesday at 2.", first.get("body"), "the first notice stays the author's");

        instructor().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Office hours", "body", "Tuesday at 3."));
        assertEquals("Ada Instructor (instructor) corrected:\nTuesday at 3.",
                noticesTitled(student(12), "Corrected: Office hours").get(0).get("body"),
                "the told correction now shows the instructor's text, so it names the instructor");
    }

    @Test
    void a_correction_that_changes_nothing_is_not_marked_edited() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Nothing to fix", "All good.");
        var same = instructor().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Nothing to fix", "body", "All good. "));
        assertEquals(200, same.code());
        assertNull(same.body().get("editedAt"));
    }

    @Test
    void staff_who_corrected_quietly_can_still_tell_everyone_without_changing_it_again() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Essay due Friday", "By noon.");
        ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Essay due Friday", "body", "By 5 pm."));
        long unreadBefore = unread(student(6));

        var told = ta().put(ANNOUNCEMENTS + "/" + id + "?notify=true", Map.of("title", "Essay due Friday", "body", "By 5 pm."));
        assertEquals(200, told.code());
        assertEquals(stillInTheCourse() - 1, intOf(told.body(), "notified"), "everyone but the TA is told now");
        assertEquals(unreadBefore + 1, unread(student(6)));
        assertEquals(1, noticesTitled(student(6), "Corrected: Essay due Friday").size());
    }

    @Test
    void a_ta_s_quiet_correction_told_later_by_the_instructor_names_the_ta_and_tells_neither_of_them() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Lab moved", "To room 101.");
        ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Lab moved", "body", "To room 110."));
        long taUnread = unread(ta());
        long instructorUnread = unread(instructor());

        var told = instructor().put(ANNOUNCEMENTS + "/" + id + "?notify=true", Map.of("title", "Lab moved", "body", "To room 110."));

        assertEquals(stillInTheCourse() - 2, intOf(told.body(), "notified"), "everyone but the TA who corrected and the instructor who tells");
        assertEquals("Tomás Assistant (TA) corrected:\nTo room 110.",
                noticesTitled(student(8), "Corrected: Lab moved").get(0).get("body"), "the TA made the correction");
        assertEquals(taUnread, unread(ta()), "the TA is not told of their own correction");
        assertEquals(instructorUnread, unread(instructor()));
    }

    @Test
    void telling_everyone_of_a_correction_that_never_happened_is_refused_and_tells_nobody() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Reading group", "Room 2.");
        long unreadBefore = unread(student(7));
        Map<String, Object> refused = problem(422, () -> ta().put(ANNOUNCEMENTS + "/" + id + "?notify=true",
                Map.of("title", "Reading group", "body", "Room 2.")));
        assertTrue(detail(refused).contains("Nothing was changed"), detail(refused));
        assertEquals(unreadBefore, unread(student(7)));
        assertNull(inTheList(student(7), ANNOUNCEMENTS, id).get("editedAt"));
    }

    @Test
    void a_correction_is_checked_as_a_new_announcement_is_and_a_refused_one_changes_nothing() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Checked like a post", "Body.");
        String empty = detail(problem(400, () -> ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", " ", "body", "Body."))));
        assertTrue(empty.contains("title is empty: give the announcement a short title"), empty);
        String tooLong = detail(problem(400, () -> ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Fine", "body", "y".repeat(4001)))));
        assertTrue(tooLong.contains("body is too long: at most 4000 characters"), tooLong);
        problem(400, () -> ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Two\nlines", "body", "Body.")));

        Map<String, Object> kept = inTheList(student(5), ANNOUNCEMENTS, id);
        assertEquals("Checked like a post", kept.get("title"));
        assertNull(kept.get("editedAt"));
    }

    @Test
    void a_withdrawn_announcement_leaves_the_list_and_the_bells_and_a_second_withdrawal_finds_nothing() {
        long id = posted(ta(), ANNOUNCEMENTS, "Posted by mistake", "Ignore me.");
        long unreadBefore = unread(student(6));
        assertEquals(1, noticesTitled(student(6), "Posted by mistake").size());

        assertEquals(204, instructor().delete(ANNOUNCEMENTS + "/" + id).code());

        assertNull(inTheList(student(6), ANNOUNCEMENTS, id), "gone from the course's list");
        assertTrue(noticesTitled(student(6), "Posted by mistake").isEmpty(), "no notice points at it any more");
        assertEquals(unreadBefore - 1, unread(student(6)), "and it no longer counts as unread");
        String again = detail(problem(404, () -> instructor().delete(ANNOUNCEMENTS + "/" + id)));
        assertTrue(again.contains("There is no such announcement in this course"), again);
        problem(404, () -> instructor().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Too late", "body", "Gone.")));
    }

    @Test
    void a_withdrawal_also_takes_back_the_corrected_notices() {
        long id = posted(ta(), ANNOUNCEMENTS, "Field trip", "On Friday.");
        ta().put(ANNOUNCEMENTS + "/" + id + "?notify=true", Map.of("title", "Field trip moved", "body", "On Saturday."));
        assertEquals(1, noticesTitled(student(7), "Corrected: Field trip moved").size());

        instructor().delete(ANNOUNCEMENTS + "/" + id);

        assertTrue(noticesTitled(student(7), "Corrected: Field trip moved").isEmpty());
        assertTrue(noticesTitled(student(7), "Field trip moved").isEmpty());
    }

    @Test
    void the_course_pages_shared_answer_shows_a_correction_and_loses_a_withdrawn_one_at_once() {
        String schedule = "/api/courses/" + DEMO + "/schedule";
        long id = posted(ta(), ANNOUNCEMENTS, "Newest on the page", "Text.");
        Object version = student(8).get(schedule).get("version");

        ta().put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Newest on the page, corrected", "body", "Text."));
        Map<String, Object> page = student(8).get(schedule);
        assertFalse(version.equals(page.get("version")), "a correction is a new version of the shared answer");
        assertEquals("Newest on the page, corrected", listOf(Api.mapOf(page, "announcements"), "items").get(0).get("title"));

        ta().delete(ANNOUNCEMENTS + "/" + id);
        Map<String, Object> withdrawn = student(8).get(schedule);
        assertFalse(page.get("version").equals(withdrawn.get("version")), "so is a withdrawal");
        assertTrue(listOf(Api.mapOf(withdrawn, "announcements"), "items").stream().noneMatch(a -> Api.id(a) == id));
        assertEquals(intOf(student(8).get(ANNOUNCEMENTS), "total"), intOf(Api.mapOf(withdrawn, "announcements"), "total"));
    }

    @Test
    void a_student_may_neither_correct_nor_withdraw_an_announcement() {
        long id = posted(instructor(), ANNOUNCEMENTS, "Staff only may change this", "Body.");
        String put = detail(problem(403, () -> student(9).put(ANNOUNCEMENTS + "/" + id, Map.of("title", "Party", "body", "Tonight!"))));
        assertTrue(put.contains("Only the instructors and TAs of this course can correct announcements"), put);
        String delete = detail(problem(403, () -> student(9).delete(ANNOUNCEMENTS + "/" + id)));
        assertTrue(delete.contains("Only the instructors and TAs of this course can withdraw announcements"), delete);
        assertEquals("Staff only may change this", inTheList(student(9), ANNOUNCEMENTS, id).get("title"));
    }

    @Test
    void someone_outside_the_course_and_a_former_ta_now_withdrawn_may_do_neither() {
        String roster = courseWithTa();
        String base = roster.replace("/roster", "/announcements");
        long id = posted(ta(), base, "Written while still a TA", "Body.");

        problem(403, () -> student(11).put(base + "/" + id, Map.of("title", "Outsider", "body", "Body.")));
        problem(403, () -> student(11).delete(base + "/" + id));

        // Staff are withdrawn only once they are students again (people.PeopleService#withdraw).
        instructor().post(roster, Map.of("email", "ta@example.edu", "role", "STUDENT"));
        problem(403, () -> ta().put(base + "/" + id, Map.of("title", "Only a student now", "body", "Body.")));
        instructor().delete(roster + "/" + ta().get("/api/me").get("id"));
        problem(403, () -> ta().put(base + "/" + id, Map.of("title", "Still here?", "body", "Body.")));
        problem(403, () -> ta().delete(base + "/" + id));
        assertEquals("Written while still a TA", inTheList(instructor(), base, id).get("title"));
    }

    @Test
    void an_announcement_of_another_course_is_not_found_through_this_one() {
        String elsewhere = courseWithTa().replace("/roster", "/announcements");
        long theirs = posted(instructor(), elsewhere, "Another course's news", "Body.");

        String put = detail(problem(404, () -> instructor().put(ANNOUNCEMENTS + "/" + theirs, Map.of("title", "Hijack", "body", "Body."))));
        assertTrue(put.contains("There is no such announcement in this course"), put);
        problem(404, () -> instructor().delete(ANNOUNCEMENTS + "/" + theirs));
        assertEquals("Another course's news", inTheList(instructor(), elsewhere, theirs).get("title"));
    }

    /** A new course of the instructor's own, with the demo TA and student 10; returns its roster path. */
    private String courseWithTa() {
        Map<String, Object> course = instructor().post("/api/courses", Map.of("code", "ANN " + (++courses), "title",
                "Announcement rules", "term", "Spring", "timeZone", "America/New_York")).body();
        String roster = "/api/courses/" + course.get("id") + "/roster";
        instructor().post(roster, Map.of("email", "ta@example.edu", "role", "TA"));
        instructor().post(roster, Map.of("email", "student10@example.edu"));
        return roster;
    }

    private long stillInTheCourse() {
        return instructor().list("/api/courses/" + DEMO + "/roster").stream().filter(e -> !Boolean.TRUE.equals(e.get("withdrawn"))).count();
    }
}
