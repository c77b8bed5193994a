package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.Identities;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.TEACHING_ASSISTANT;
import static org.paperclub.support.TestPlatform.member;

/**
 * The roster sync against a platform double: members added, updated and withdrawn, pages followed, nothing changed when
 * a page fails, staff and the last instructor kept. Every test links its own new course to its own LMS course.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class RosterSyncTest extends ApiTest {

    @Inject
    LinkedCourse linking;
    @Inject
    Identities identities;
    @Inject
    ApplicationEventPublisher<ContextLaunched> launches;

    private TestPlatform platform;
    private Registration registration;
    private int courses;

    @BeforeAll
    void aRegisteredPlatform() {
        platform = new TestPlatform().serveServices(linking.toolJwksUrl());
        registration = linking.register(platform);
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    /** A new course of the instructor, linked to the LMS course {@code contextId}. */
    private long linkedCourse(String contextId) {
        long id = Api.id(instructor().post("/api/courses/import", """
                format: paperclub-course/1
                course: {code: SYNC %d, title: Roster sync, term: Fall 2027, timeZone: UTC}
                """.formatted(++courses), "application/yaml").body());
        linking.link(platform, registration, contextId, id);
        return id;
    }

    private Map<String, Object> sync(long courseId) {
        return instructor().post("/api/courses/" + courseId + "/lti/roster-sync", Map.of()).body();
    }

    private Map<String, Map<String, Object>> rosterByEmail(long courseId) {
        return instructor().list("/api/courses/" + courseId + "/roster").stream()
                .collect(Collectors.toMap(e -> (String) e.get("email"), e -> e));
    }

    private static List<Map<String, Object>> fiveMembers() {
        return new ArrayList<>(List.of(
                member("lms-ines", "Ines Instructor", "ines@lms.example.edu", "Active", INSTRUCTOR),
                member("lms-tara", "Tara Assistant", "tara@lms.example.edu", "Active", INSTRUCTOR, TEACHING_ASSISTANT),
                member("lms-ada", "Ada Lovelace", "ada@lms.example.edu", "Active", LEARNER),
                member("lms-alan", "Alan Turing", "alan@lms.example.edu", "Active", LEARNER),
                member("lms-s1", "Student One", "student1@example.edu", "Active", LEARNER)));
    }

    @Test
    void a_sync_follows_every_page_and_adds_the_members_with_their_roles_and_accounts() {
        long course = linkedCourse("adds");
        platform.roster("adds", fiveMembers(), 2);

        Map<String, Object> result = sync(course);

        assertEquals(5, Api.intOf(result, "added"), result.toString());
        assertEquals(0, Api.intOf(result, "withdrawn"));
        assertEquals(3, platform.requests().stream().filter(r -> r.path().equals("/nrps/adds")).count(), "three pages of two");
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertEquals("INSTRUCTOR", roster.get("ines@lms.example.edu").get("role"));
        assertEquals("TA", roster.get("tara@lms.example.edu").get("role"), "the TeachingAssistant sub-role makes a TA");
        assertEquals("STUDENT", roster.get("ada@lms.example.edu").get("role"));
        assertEquals("Ada Lovelace", roster.get("ada@lms.example.edu").get("name"));
        assertEquals("STUDENT", roster.get("student1@example.edu").get("role"), "an existing account is enrolled, not duplicated");
        assertEquals(((Number) roster.get("ada@lms.example.edu").get("userId")).longValue(),
                (long) identities.find(platform.issuer(), "lms-ada").orElseThrow().id(), "a later launch as lms-ada finds the same account");
        assertEquals("INSTRUCTOR", roster.get("instructor@example.edu").get("role"), "the course's own instructor stays");
        assertEquals(true, instructor().get("/api/courses/" + course).get("lmsLinked"), "the page shows its LMS panels");
        assertEquals(false, instructor().get("/api/courses/1").get("lmsLinked"), "a course of no LMS shows none, and asks nothing");
        assertNull(roster.get("ada@lms.example.edu").get("invitation"),
                "someone who signs in through the LMS has no invitation to wait for, let alone an expired one");
    }

    @Test
    void a_second_sync_updates_a_changed_name_and_role_and_leaves_the_rest_unchanged() {
        long course = linkedCourse("updates");
        List<Map<String, Object>> members = fiveMembers();
        platform.roster("updates", members, 50);
        sync(course);

        members.set(2, member("lms-ada", "Ada King", "ada@lms.example.edu", "Active", INSTRUCTOR, TEACHING_ASSISTANT));
        members.set(3, member("lms-alan", "Alan M. Turing", "alan@lms.example.edu", "Active", LEARNER));
        platform.roster("updates", members, 50);
        Map<String, Object> result = sync(course);

        assertEquals(0, Api.intOf(result, "added"));
        assertEquals(2, Api.intOf(result, "updated"), result.toString());
        assertEquals(3, Api.intOf(result, "unchanged"));
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertEquals("TA", roster.get("ada@lms.example.edu").get("role"));
        assertEquals("Ada King", roster.get("ada@lms.example.edu").get("name"));
        assertEquals("Alan M. Turing", roster.get("alan@lms.example.edu").get("name"));
    }

    @Test
    void a_student_marked_inactive_or_gone_is_withdrawn_with_their_work_kept_and_comes_back_when_listed_again() {
        long course = linkedCourse("withdraws");
        List<Map<String, Object>> members = fiveMembers();
        platform.roster("withdraws", members, 50);
        sync(course);

        members.set(2, member("lms-ada", "Ada Lovelace", "ada@lms.example.edu", "Inactive", LEARNER));
        members.remove(3); // Alan dropped the course
        platform.roster("withdraws", members, 50);
        Map<String, Object> result = sync(course);

        assertEquals(2, Api.intOf(result, "withdrawn"), result.toString());
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertEquals(true, roster.get("ada@lms.example.edu").get("withdrawn"), "still on the roster (their work stays), withdrawn");
        assertEquals(true, roster.get("alan@lms.example.edu").get("withdrawn"));
        assertEquals(false, roster.get("student1@example.edu").get("withdrawn"));
        assertEquals(false, roster.get("student2@example.edu") != null && (Boolean) roster.get("student2@example.edu").get("withdrawn"),
                "nobody the LMS does not know is touched");

        members.set(2, member("lms-ada", "Ada Lovelace", "ada@lms.example.edu", "Active", LEARNER));
        platform.roster("withdraws", members, 50);
        Map<String, Object> again = sync(course);
        assertEquals(1, Api.intOf(again, "updated"), again.toString());
        assertEquals(false, rosterByEmail(course).get("ada@lms.example.edu").get("withdrawn"), "enrolled again");
    }

    @Test
    void staff_are_never_withdrawn_or_given_a_lower_role_by_a_sync_so_the_last_instructor_stays() {
        long course = linkedCourse("staff");
        linking.identity(platform, "lms-me", "instructor@example.edu");
        List<Map<String, Object>> members = fiveMembers();
        members.remove(0); // no other instructor
        members.add(member("lms-me", "The Instructor", "instructor@example.edu", "Active", INSTRUCTOR));
        platform.roster("staff", members, 50);
        sync(course);

        members.set(0, member("lms-tara", "Tara Assistant", "tara@lms.example.edu", "Inactive", INSTRUCTOR, TEACHING_ASSISTANT));
        members.set(1, member("lms-ada", "Ada Lovelace", "ada@lms.example.edu", "Active", INSTRUCTOR));
        members.set(members.size() - 1, member("lms-me", "The Instructor", "instructor@example.edu", "Active", LEARNER));
        platform.roster("staff", members, 50);
        Map<String, Object> result = sync(course);

        assertEquals(0, Api.intOf(result, "withdrawn"), result.toString());
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertEquals("TA", roster.get("tara@lms.example.edu").get("role"));
        assertEquals(false, roster.get("tara@lms.example.edu").get("withdrawn"));
        assertEquals("INSTRUCTOR", roster.get("instructor@example.edu").get("role"), "the course keeps its only instructor");
        assertEquals("INSTRUCTOR", roster.get("ada@lms.example.edu").get("role"), "a promotion in the LMS is taken");
    }

    @Test
    void two_syncs_at_once_are_applied_one_after_the_other() throws Exception {
        long course = linkedCourse("twice");
        platform.roster("twice", fiveMembers(), 2);
        Api.Session instructor = instructor();
        List<java.util.concurrent.Callable<Integer>> calls = List.of(
                () -> instructor.post("/api/courses/" + course + "/lti/roster-sync", Map.of()).code(),
                () -> instructor.post("/api/courses/" + course + "/lti/roster-sync", Map.of()).code());

        assertEquals(List.of(200, 200), org.paperclub.support.Race.run(calls, 2));
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertEquals(6, roster.size(), "five members and the course's instructor, each once");
        Map<String, Object> last = Api.mapOf(instructor.get("/api/courses/" + course + "/lti/roster-sync"), "last");
        assertEquals(0, Api.intOf(last, "added"), "the second sync found everyone there: " + last);
    }

    @Test
    void a_page_that_fails_changes_nothing_and_the_failure_is_shown_with_the_platforms_answer() {
        long course = linkedCourse("fails");
        List<Map<String, Object>> members = fiveMembers();
        platform.roster("fails", members, 2);
        sync(course);
        members.remove(2);
        members.add(member("lms-grace", "Grace Hopper", "grace@lms.example.edu", "Active", LEARNER));
        platform.roster("fails", members, 2);
        platform.failRosterPage("fails", 3);

        Map<String, Object> problem = Api.problem(502, () -> sync(course));

        assertTrue(((String) problem.get("detail")).contains("nothing changed"), problem.toString());
        assertTrue(((String) problem.get("detail")).contains("page 3"), problem.toString());
        Map<String, Map<String, Object>> roster = rosterByEmail(course);
        assertFalse(roster.containsKey("grace@lms.example.edu"), "pages 1 and 2 were read, but nothing was applied");
        assertEquals(false, roster.get("ada@lms.example.edu").get("withdrawn"));
        Map<String, Object> status = instructor().get("/api/courses/" + course + "/lti/roster-sync");
        assertEquals(false, Api.mapOf(status, "last").get("ok"));
        assertTrue(((String) Api.mapOf(status, "last").get("error")).contains("HTTP 500"), status.toString());
        platform.failRosterPage("fails", 0);
    }

    @Test
    void an_instructors_launch_syncs_the_roster_in_the_background() throws Exception {
        long course = linkedCourse("launch");
        platform.roster("launch", fiveMembers(), 50);
        long me = linking.identity(platform, "lms-me-2", "instructor@example.edu");

        launches.publishEvent(new ContextLaunched(1, course, me, true));

        Map<String, Object> last = null;
        for (int i = 0; i < 100 && last == null; i++) {
            Thread.sleep(100);
            last = (Map<String, Object>) instructor().get("/api/courses/" + course + "/lti/roster-sync").get("last");
        }
        assertTrue(last != null && Boolean.TRUE.equals(last.get("ok")), String.valueOf(last));
        assertEquals(5, Api.intOf(last, "added"));
    }

    @Test
    void a_student_cannot_sync_and_a_course_without_a_link_says_how_to_link_it() {
        long linked = linkedCourse("students");
        instructor().post("/api/courses/" + linked + "/roster", Map.of("email", "student3@example.edu"));
        Api.problem(403, () -> student(3).post("/api/courses/" + linked + "/lti/roster-sync", Map.of()));

        Map<String, Object> problem = Api.problem(409, () -> sync(DEMO));
        assertTrue(((String) problem.get("detail")).contains("Launch Paperclub from the LMS course"), problem.toString());
    }
}
