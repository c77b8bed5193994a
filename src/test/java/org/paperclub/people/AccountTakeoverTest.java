package org.paperclub.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A set-password link is the key to an account, so only someone with authority over every place the account has in
 * Paperclub gets a new one; and signing out a TA or instructor takes an instructor, whichever course it goes through.
 */
@MicronautTest
class AccountTakeoverTest extends ApiTest {

    private static final String CORNELL_ROSTER = "/api/courses/2/roster";
    private static final String UMD_ROSTER = "/api/courses/1/roster";

    /** A new co-instructor of the Cornell course who has not set a password yet; the instructor holds their link. */
    private Map<String, Object> newCoInstructor(String email) {
        Map<String, Object> added = instructor().post(CORNELL_ROSTER, Map.of("email", email, "role", "INSTRUCTOR")).body();
        assertNotNull(added.get("invitationLink"), "a new account comes with its link");
        return added;
    }

    @Test
    void a_ta_adding_someone_elses_unactivated_instructor_as_a_student_gets_no_link_to_their_account() {
        Map<String, Object> original = newCoInstructor("coinstructor@example.edu");
        Map<String, Object> byTa = ta().post(UMD_ROSTER, Map.of("email", "coinstructor@example.edu")).body();
        assertNull(byTa.get("invitationLink"), "the TA may enrol them, but gets no key to an instructor's account");

        Api.Session owner = api().acceptInvitation(original, "the-real-owner-42");
        assertEquals("coinstructor@example.edu", owner.get("/api/me").get("email"), "the link the instructor holds still works");
    }

    @Test
    void a_ta_may_renew_the_link_of_a_student_who_is_only_in_courses_the_ta_runs() {
        Map<String, Object> first = ta().post(UMD_ROSTER, Map.of("email", "newstudent@example.edu", "name", "New Student")).body();
        assertNotNull(first.get("invitationLink"));
        Map<String, Object> again = ta().post(UMD_ROSTER, Map.of("email", "newstudent@example.edu", "name", "New Student")).body();
        assertNotNull(again.get("invitationLink"), "a lost link can be replaced by the student's own staff");
        problem(404, () -> api().acceptInvitation(first, "too-late-password"));
        assertEquals("newstudent@example.edu", api().acceptInvitation(again, "a-fresh-password").get("/api/me").get("email"));
    }

    @Test
    void a_ta_cannot_sign_out_a_student_of_theirs_who_is_staff_in_another_course() {
        Map<String, Object> added = newCoInstructor("otherinstructor@example.edu");
        Api.Session other = api().acceptInvitation(added, "other-instructor-pw");
        long id = Api.id(other.get("/api/me"));
        ta().post(UMD_ROSTER, Map.of("email", "otherinstructor@example.edu"));

        Map<String, Object> p = problem(403, () -> ta().post(UMD_ROSTER + "/" + id + "/sign-out", Map.of()));
        assertTrue(((String) p.get("detail")).contains("Only instructors"), (String) p.get("detail"));
        assertEquals("otherinstructor@example.edu", other.get("/api/me").get("email"), "still signed in");
        assertEquals(204, instructor().post(UMD_ROSTER + "/" + id + "/sign-out", Map.of()).code(),
                "an instructor of the course may");
    }
}
