package org.paperclub.signup;

import org.junit.jupiter.api.Test;
import org.paperclub.course.Course;
import org.paperclub.course.ClassSession;
import org.paperclub.course.SessionKind;
import org.paperclub.course.SupportingRole;
import org.paperclub.system.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The counting rules of a sign-up, each checked on hand-made rows without a database. */
class SignupRulesTest {

    static Course course(int maxTeamSize, int presentationsPerStudent) {
        return new Course(1L, "CS 6785", "Deep Generative Models", "Spring", "America/New_York", null, 10, 1, 1,
                10_000_000, 0, 1, maxTeamSize, presentationsPerStudent, 3, 24, null, null, null, Instant.EPOCH);
    }

    static ClassSession session(SessionKind kind, int slots) {
        return new ClassSession(7L, 1L, 12, LocalDate.of(2025, 3, 4), LocalTime.of(14, 0), LocalTime.of(15, 15), "Diffusion",
                null, kind, slots);
    }

    static final ClassSession PRESENTING = session(SessionKind.PRESENTATION, 2);
    static final SupportingRole REVIEWER = new SupportingRole(3L, 1L, "Peer Reviewer", "Reviews the paper", 2, 1);

    static String refusal(Runnable rule) {
        return assertThrows(ProblemException.class, rule::run).getMessage();
    }

    @Test
    void a_session_without_slots_takes_no_presentations() {
        assertEquals("Session 12 has no presentation slots.",
                refusal(() -> SignupRules.hasPresentationSlots(session(SessionKind.PRESENTATION, 0))));
        assertDoesNotThrow(() -> SignupRules.hasPresentationSlots(PRESENTING));
    }

    @Test
    void a_new_team_takes_the_lowest_free_slot_and_none_when_all_are_taken() {
        assertEquals(1, SignupRules.freeSlot(PRESENTING, Set.of()));
        assertEquals(1, SignupRules.freeSlot(PRESENTING, Set.of(2)));
        assertEquals(2, SignupRules.freeSlot(PRESENTING, Set.of(1)));
        assertEquals("All 2 presentation slots of session 12 are taken (2 of 2).",
                refusal(() -> SignupRules.freeSlot(PRESENTING, Set.of(1, 2))));
    }

    @Test
    void a_team_has_at_most_the_course_team_size() {
        Course pairs = course(2, 1);
        assertDoesNotThrow(() -> SignupRules.teamHasRoom(pairs, PRESENTING, "DDPM", true, 0, 2));
        assertDoesNotThrow(() -> SignupRules.teamHasRoom(pairs, PRESENTING, "DDPM", false, 1, 1));
        assertEquals("The team presenting “DDPM” in session 12 is full (2 of 2).",
                refusal(() -> SignupRules.teamHasRoom(pairs, PRESENTING, "DDPM", false, 2, 1)));
        assertEquals("A team has at most 1 member.",
                refusal(() -> SignupRules.teamHasRoom(course(1, 1), PRESENTING, "DDPM", true, 0, 2)));
    }

    @Test
    void a_student_presents_as_many_times_as_the_course_asks_and_no_more() {
        assertDoesNotThrow(() -> SignupRules.presentationLeft(course(2, 1), "Ada", 0));
        assertEquals("Ada already presents in this course (each student presents once).",
                refusal(() -> SignupRules.presentationLeft(course(2, 1), "Ada", 1)));
        assertDoesNotThrow(() -> SignupRules.presentationLeft(course(2, 2), "Ada", 1));
        assertEquals("Ada already presents 2 times, as many as this course asks.",
                refusal(() -> SignupRules.presentationLeft(course(2, 2), "Ada", 2)));
    }

    @Test
    void a_student_joins_a_team_once() {
        assertEquals("Ada is already in the team presenting “DDPM”.", refusal(() -> SignupRules.notInTeamYet("Ada", true, "DDPM")));
        assertDoesNotThrow(() -> SignupRules.notInTeamYet("Ada", false, "DDPM"));
    }

    @Test
    void a_student_who_presents_in_a_session_takes_no_role_there() {
        assertEquals("You present in session 12; a presenter cannot also take a supporting role there.",
                refusal(() -> SignupRules.noRoleWherePresenting("You", PRESENTING, true)));
        assertEquals("Ada presents in session 12; a presenter cannot also take a supporting role there.",
                refusal(() -> SignupRules.noRoleWherePresenting("Ada", PRESENTING, true)));
        assertDoesNotThrow(() -> SignupRules.noRoleWherePresenting("You", PRESENTING, false));
    }

    @Test
    void a_student_who_holds_a_role_in_a_session_cannot_present_there() {
        assertEquals("Ada holds a supporting role in session 12; a presenter cannot also take a supporting role there. "
                + "Withdraw from the role first.", refusal(() -> SignupRules.presenterHoldsNoRole("Ada", PRESENTING, true)));
        assertDoesNotThrow(() -> SignupRules.presenterHoldsNoRole("Ada", PRESENTING, false));
    }

    @Test
    void a_student_takes_one_role_per_session_and_switches_only_when_asked_to() {
        assertEquals("You already hold Scribe in session 12; a student takes at most one supporting role per session. "
                + "To change it, switch to Peer Reviewer instead.",
                refusal(() -> SignupRules.oneRolePerSession("You", PRESENTING, "Scribe", false, "Peer Reviewer", false)));
        assertEquals("Ada already holds Peer Reviewer in session 12.",
                refusal(() -> SignupRules.oneRolePerSession("Ada", PRESENTING, "Peer Reviewer", true, "Peer Reviewer", true)));
        assertDoesNotThrow(() -> SignupRules.oneRolePerSession("You", PRESENTING, "Scribe", false, "Peer Reviewer", true));
    }

    @Test
    void a_role_has_as_many_seats_as_its_capacity() {
        assertEquals(1, SignupRules.freeSeat(REVIEWER, PRESENTING, Set.of()));
        assertEquals(2, SignupRules.freeSeat(REVIEWER, PRESENTING, Set.of(1)));
        assertEquals("Peer Reviewer for session 12 is full (2 of 2).",
                refusal(() -> SignupRules.freeSeat(REVIEWER, PRESENTING, Set.of(1, 2))));
    }

    @Test
    void only_presentation_sessions_have_supporting_roles() {
        assertEquals("Session 12 is not a presentation session; it has no supporting roles.",
                refusal(() -> SignupRules.playsRoles(session(SessionKind.LECTURE, 0))));
        assertDoesNotThrow(() -> SignupRules.playsRoles(PRESENTING));
    }

    @Test
    void a_paper_off_the_official_list_waits_for_approval_unless_staff_sign_up() {
        assertEquals(PresentationStatus.CONFIRMED, SignupRules.statusOfNewTeam(true, false));
        assertEquals(PresentationStatus.PROPOSED, SignupRules.statusOfNewTeam(false, false));
        assertEquals(PresentationStatus.CONFIRMED, SignupRules.statusOfNewTeam(false, true));
    }

    @Test
    void each_session_with_roles_is_found_in_its_block_and_a_lecture_in_none() {
        ClassSession first = new ClassSession(1L, 1L, 1, LocalDate.of(2025, 3, 4), LocalTime.of(14, 0), LocalTime.of(15, 0), "A", null, SessionKind.PRESENTATION, 2);
        ClassSession lecture = new ClassSession(2L, 1L, 2, LocalDate.of(2025, 3, 6), LocalTime.of(14, 0), LocalTime.of(15, 0), "B", null, SessionKind.LECTURE, 0);
        ClassSession second = new ClassSession(3L, 1L, 3, LocalDate.of(2025, 3, 11), LocalTime.of(14, 0), LocalTime.of(15, 0), "C", null, SessionKind.PRESENTATION, 2);
        ClassSession third = new ClassSession(4L, 1L, 4, LocalDate.of(2025, 3, 13), LocalTime.of(14, 0), LocalTime.of(15, 0), "D", null, SessionKind.PRESENTATION, 2);
        Course blocksOfTwo = new Course(1L, "X", "X", "Spring", "America/New_York", null, 10, 1, 1, 1, 0, 1, 2, 1, 2, 24, null, null, null, Instant.EPOCH);
        var blockOf = SignupRules.blockOf(SignupRules.blocks(blocksOfTwo, List.of(third, lecture, second, first), true));
        assertEquals(Map.of(1L, 0, 3L, 0, 4L, 1), blockOf);
    }
}
