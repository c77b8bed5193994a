package org.paperclub.reminders;

import org.junit.jupiter.api.Test;
import org.paperclub.course.ClassSession;
import org.paperclub.course.Course;
import org.paperclub.course.ReminderPolicy;
import org.paperclub.course.SessionKind;
import org.paperclub.notify.NoticeKind;
import org.paperclub.reminders.ReminderRules.CritiqueState;
import org.paperclub.reminders.ReminderRules.Part;
import org.paperclub.reminders.ReminderRules.Reminder;
import org.paperclub.reminders.ReminderRules.SignupState;
import org.paperclub.reminders.ReminderRules.Student;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reminder rules, with "now" given: what is due to whom, and when nothing is. */
class ReminderRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Session 5: Thursday 10 September 2026, 13:00 in New York; critiques are due at class start. */
    private static final ClassSession FIVE = new ClassSession(50L, 1L, 5, LocalDate.of(2026, 9, 10), LocalTime.of(13, 0),
            LocalTime.of(14, 15), "Scaling laws", "Room 2117", SessionKind.PRESENTATION, 2);
    private static final ZonedDateTime CLASS = FIVE.startsAt(NEW_YORK);
    private static final Student ANA = new Student(7, false);
    private static final Student WITHDRAWN = new Student(8, true);

    private static Course course(ReminderPolicy reminders, int critiquesRequired, int presentationsPerStudent) {
        return new Course(1L, "CMSC 848K", "Seminar", "Fall 2026", "America/New_York", null, critiquesRequired, 1, 1,
                5L * 1024 * 1024, 0, 1, 2, presentationsPerStudent, 2, 48, null, null, null, reminders, Instant.EPOCH);
    }

    private static final Course COURSE = course(null, 10, 1);

    private static CritiqueState notHandedIn(ZonedDateTime deadline) {
        return new CritiqueState(deadline, false, 3);
    }

    private static Optional<Reminder> critiqueAt(Course course, Student student, CritiqueState state, Instant now) {
        return ReminderRules.critique(course, FIVE, true, student, state, now);
    }

    // (a) Critiques

    @Test
    void a_critique_due_in_24_hours_that_the_student_has_not_handed_in_is_reminded_of() {
        Reminder r = critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.minusHours(24).toInstant()).orElseThrow();
        assertEquals(7, r.userId());
        assertEquals(NoticeKind.CRITIQUE_REMINDER, r.notice().kind());
        assertEquals("Critique due in 24 hours: Session 5", r.notice().title());
        assertEquals("Your critique for session 5 (Scaling laws) is due on Thu 10 Sep at 13:00 (America/New_York), and you have "
                + "not handed one in yet. You have handed in 3 of 10 critiques.", r.notice().body());
        assertEquals("/#/courses/1/critiques", r.notice().link());
        assertEquals(CLASS.toInstant(), r.notice().happensAt());
    }

    @Test
    void nothing_is_due_before_the_lead_time_begins() {
        assertTrue(critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.minusHours(25).toInstant()).isEmpty());
    }

    @Test
    void a_job_running_a_few_minutes_late_still_says_24_hours() {
        Reminder r = critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.minusHours(24).plusMinutes(4).toInstant()).orElseThrow();
        assertEquals("Critique due in 24 hours: Session 5", r.notice().title());
    }

    @Test
    void a_critique_handed_in_for_the_session_is_not_reminded_of() {
        assertTrue(critiqueAt(COURSE, ANA, new CritiqueState(CLASS, true, 4), CLASS.minusHours(2).toInstant()).isEmpty());
    }

    @Test
    void a_student_who_handed_in_every_required_critique_owes_none_and_is_not_reminded() {
        assertTrue(critiqueAt(COURSE, ANA, new CritiqueState(CLASS, false, 10), CLASS.minusHours(2).toInstant()).isEmpty());
    }

    @Test
    void nothing_is_reminded_of_once_the_deadline_has_passed() {
        assertTrue(critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.toInstant()).isEmpty());
        assertTrue(critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.plusHours(1).toInstant()).isEmpty());
    }

    @Test
    void after_downtime_a_deadline_still_ahead_is_reminded_of_with_the_time_left_and_a_passed_one_is_dropped() {
        Instant back = CLASS.minusHours(2).toInstant();
        assertEquals("Critique due in 2 hours: Session 5",
                critiqueAt(COURSE, ANA, notHandedIn(CLASS), back).orElseThrow().notice().title());
        // A deadline of the day before: its moment passed 26 hours ago, more than its 24-hour lead.
        assertTrue(critiqueAt(COURSE, ANA, notHandedIn(CLASS.minusDays(1)), back).isEmpty());
    }

    @Test
    void a_withdrawn_student_is_reminded_of_nothing() {
        Instant now = CLASS.minusHours(2).toInstant();
        assertTrue(critiqueAt(COURSE, WITHDRAWN, notHandedIn(CLASS), now).isEmpty());
        assertTrue(ReminderRules.signup(COURSE, FIVE, WITHDRAWN, new SignupState("sessions 5–6", 1, true), CLASS.minusHours(50).toInstant()).isEmpty());
        assertTrue(ReminderRules.session(COURSE, FIVE, WITHDRAWN, new Part(null, List.of(), "Scientific peer reviewer"), now).isEmpty());
    }

    @Test
    void a_lead_time_of_0_turns_that_reminder_off_and_leaves_the_others() {
        Course off = course(new ReminderPolicy(0, null, null), 10, 1);
        assertTrue(critiqueAt(off, ANA, notHandedIn(CLASS), CLASS.minusHours(2).toInstant()).isEmpty());
        assertTrue(ReminderRules.session(off, FIVE, ANA, new Part(null, List.of(), "Archaeologist"), CLASS.minusDays(2).toInstant()).isPresent(),
                "sessionDays was left out: its default, 3 days");
        Course allOff = course(new ReminderPolicy(0, 0, 0), 10, 1);
        assertTrue(ReminderRules.signup(allOff, FIVE, ANA, new SignupState("session 5", 1, true), CLASS.minusHours(50).toInstant()).isEmpty());
        assertTrue(ReminderRules.session(allOff, FIVE, ANA, new Part(null, List.of(), "Archaeologist"), CLASS.minusDays(2).toInstant()).isEmpty());
    }

    @Test
    void a_course_with_a_shorter_lead_reminds_later() {
        Course sixHours = course(new ReminderPolicy(6, null, null), 10, 1);
        assertTrue(critiqueAt(sixHours, ANA, notHandedIn(CLASS), CLASS.minusHours(7).toInstant()).isEmpty());
        assertEquals("Critique due in 6 hours: Session 5",
                critiqueAt(sixHours, ANA, notHandedIn(CLASS), CLASS.minusHours(6).toInstant()).orElseThrow().notice().title());
    }

    @Test
    void an_extension_makes_a_new_item_so_the_student_is_reminded_again_before_the_new_deadline() {
        Reminder first = critiqueAt(COURSE, ANA, notHandedIn(CLASS), CLASS.minusHours(20).toInstant()).orElseThrow();
        ZonedDateTime extended = CLASS.plusHours(48);
        assertTrue(critiqueAt(COURSE, ANA, notHandedIn(extended), CLASS.minusHours(20).toInstant()).isEmpty(),
                "48 hours more: not within 24 hours any more");
        Reminder second = critiqueAt(COURSE, ANA, notHandedIn(extended), extended.minusHours(24).toInstant()).orElseThrow();
        assertNotEquals(first.itemKey(), second.itemKey());
    }

    @Test
    void a_session_without_assigned_reading_or_a_course_without_critiques_asks_for_none() {
        Instant now = CLASS.minusHours(2).toInstant();
        assertTrue(ReminderRules.critique(COURSE, FIVE, false, ANA, notHandedIn(CLASS), now).isEmpty());
        assertTrue(critiqueAt(course(null, 0, 1), ANA, new CritiqueState(CLASS, false, 0), now).isEmpty());
    }

    // (b) Sign-ups: freeze 48 hours before class, so Tuesday 8 September at 13:00

    private static final Instant FREEZE = CLASS.minusHours(48).toInstant();

    @Test
    void a_freeze_within_48_hours_while_the_block_lacks_the_students_role_is_reminded_of() {
        Reminder r = ReminderRules.signup(COURSE, FIVE, ANA, new SignupState("sessions 5–6", 0, true),
                FREEZE.minus(Duration.ofHours(48))).orElseThrow();
        assertEquals(NoticeKind.SIGNUP_REMINDER, r.notice().kind());
        assertEquals("Sign-ups freeze in 48 hours: Session 5", r.notice().title());
        assertTrue(r.notice().body().contains("freeze on Tue 8 Sep at 13:00 (America/New_York)"), r.notice().body());
        assertTrue(r.notice().body().contains("you hold no supporting role in sessions 5–6 yet"), r.notice().body());
        assertEquals("/#/courses/1/signups", r.notice().link());
        assertEquals(FREEZE, r.notice().happensAt());
    }

    @Test
    void a_student_who_has_not_chosen_a_presentation_is_reminded_while_a_slot_is_free() {
        Instant now = FREEZE.minus(Duration.ofHours(10));
        Reminder r = ReminderRules.signup(COURSE, FIVE, ANA, new SignupState(null, 1, true), now).orElseThrow();
        assertTrue(r.notice().body().contains("you have not chosen your presentation yet"), r.notice().body());
        assertTrue(ReminderRules.signup(COURSE, FIVE, ANA, new SignupState(null, 1, false), now).isEmpty(), "no slot is free");
        assertTrue(ReminderRules.signup(COURSE, FIVE, ANA, new SignupState(null, 0, true), now).isEmpty(), "already chosen");
    }

    @Test
    void a_student_with_a_role_in_the_block_and_their_presentation_chosen_is_not_reminded() {
        assertTrue(ReminderRules.signup(COURSE, FIVE, ANA, new SignupState(null, 0, true), FREEZE.minus(Duration.ofHours(1))).isEmpty());
    }

    @Test
    void a_course_without_roles_or_presentations_has_no_sign_up_reminders() {
        Course noPresentations = course(null, 10, 0);
        assertTrue(ReminderRules.signup(noPresentations, FIVE, ANA, new SignupState(null, 1, true),
                FREEZE.minus(Duration.ofHours(1))).isEmpty());
    }

    @Test
    void nothing_is_reminded_of_once_the_freeze_has_passed_or_before_sign_ups_open() {
        SignupState lacking = new SignupState("sessions 5–6", 1, true);
        assertTrue(ReminderRules.signup(COURSE, FIVE, ANA, lacking, FREEZE).isEmpty());
        Course opensLate = new Course(1L, "X", "X", "Fall 2026", "America/New_York", null, 10, 1, 1, 1024, 0, 1, 2, 1, 2, 48,
                FREEZE.minus(Duration.ofHours(5)), null, null, null, Instant.EPOCH);
        assertTrue(ReminderRules.signup(opensLate, FIVE, ANA, lacking, FREEZE.minus(Duration.ofHours(6))).isEmpty());
        assertTrue(ReminderRules.signup(opensLate, FIVE, ANA, lacking, FREEZE.minus(Duration.ofHours(4))).isPresent(),
                "once sign-ups open, the freeze 4 hours ahead is reminded of");
    }

    // (c) The student's own sessions

    @Test
    void a_presenter_is_reminded_3_days_ahead_with_the_paper_and_partner() {
        Reminder r = ReminderRules.session(COURSE, FIVE, ANA, new Part("Attention Is All You Need", List.of("Ben Ode"), null),
                CLASS.minusDays(3).toInstant()).orElseThrow();
        assertEquals(NoticeKind.PRESENTATION_REMINDER, r.notice().kind());
        assertEquals("You present in 3 days: Session 5", r.notice().title());
        assertEquals("You present “Attention Is All You Need” with Ben Ode in session 5 (Scaling laws), on Thu 10 Sep at 13:00 "
                + "(America/New_York) in Room 2117.", r.notice().body());
        assertEquals("/#/courses/1", r.notice().link());
        assertEquals(CLASS.toInstant(), r.notice().happensAt());
    }

    @Test
    void a_role_holder_is_reminded_of_their_role_and_someone_without_a_part_is_not() {
        Instant now = CLASS.minusDays(1).toInstant();
        Reminder r = ReminderRules.session(COURSE, FIVE, ANA, new Part(null, List.of(), "Archaeologist"), now).orElseThrow();
        assertEquals("Your role in 24 hours: Session 5", r.notice().title());
        assertTrue(r.notice().body().startsWith("You are Archaeologist in session 5"), r.notice().body());
        assertTrue(ReminderRules.session(COURSE, FIVE, ANA, new Part(null, List.of(), null), now).isEmpty());
        assertTrue(ReminderRules.session(COURSE, FIVE, ANA, new Part(null, List.of(), "Archaeologist"), CLASS.toInstant()).isEmpty(),
                "the session has started");
    }

    @Test
    void the_time_left_reads_in_minutes_hours_or_days() {
        Instant at = CLASS.toInstant();
        assertEquals("40 minutes", ReminderRules.in(at.minus(Duration.ofMinutes(40)), at));
        assertEquals("1 hour", ReminderRules.in(at.minus(Duration.ofMinutes(62)), at));
        assertEquals("48 hours", ReminderRules.in(at.minus(Duration.ofHours(48)), at));
        assertEquals("3 days", ReminderRules.in(at.minus(Duration.ofHours(72)).plusSeconds(300), at));
    }

    @Test
    void the_moment_is_due_from_the_lead_until_the_item() {
        Instant at = CLASS.toInstant();
        Duration day = Duration.ofHours(24);
        assertTrue(ReminderRules.due(at.minus(day), at, day));
        assertTrue(ReminderRules.due(at.minusSeconds(1), at, day));
        assertTrue(!ReminderRules.due(at, at, day) && !ReminderRules.due(at.minus(day).minusSeconds(1), at, day));
        assertTrue(!ReminderRules.due(at.minusSeconds(1), at, Duration.ZERO), "a lead of 0 is off");
    }
}
