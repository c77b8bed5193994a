package org.paperclub.critique;

import org.paperclub.course.Course;
import org.paperclub.course.LatePolicy;
import org.paperclub.course.ClassSession;
import org.paperclub.course.SessionKind;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineRulesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZonedDateTime CLASS = ZonedDateTime.of(LocalDateTime.of(2024, 9, 4, 14, 0), NEW_YORK);

    static LatePolicy graceDays(int budget, Integer perItem) {
        return new LatePolicy(true, new LatePolicy.Grace(LatePolicy.Unit.DAYS, budget, perItem), null, null);
    }

    static LatePolicy.Penalty cornellSchedule() {
        return new LatePolicy.Penalty(LatePolicy.Unit.DAYS, List.of(80, 60, 40, 20), null);
    }

    @Test
    void one_second_before_the_deadline_is_on_time_and_one_second_after_is_refused_by_default() {
        ZonedDateTime due = DeadlineRules.deadline(CLASS, 0, Duration.ZERO);
        assertTrue(DeadlineRules.judge(CLASS.minusSeconds(1).toInstant(), due, LatePolicy.none(), 0, NEW_YORK).accepted());
        DeadlineRules.Timing late = DeadlineRules.judge(CLASS.plusSeconds(1).toInstant(), due, LatePolicy.none(), 0, NEW_YORK);
        assertFalse(late.accepted());
        assertEquals("The deadline was Wed 4 Sep 2024 at 14:00 EDT; late critiques are not accepted in this course.", late.summary());
    }

    @Test
    void an_extension_and_an_offset_move_the_deadline() {
        ZonedDateTime due = DeadlineRules.deadline(CLASS, 60, Duration.ofHours(48));
        assertEquals(CLASS.plusHours(47), due);
        assertTrue(DeadlineRules.judge(CLASS.plusHours(46).toInstant(), due, LatePolicy.none(), 0, NEW_YORK).accepted());
    }

    // New York moves from EST (UTC-5) to EDT (UTC-4) at 02:00 on Sun 10 Mar 2024, and back at 02:00 on Sun 3 Nov 2024.
    static final ClassSession MONDAY_AFTER_SPRING_FORWARD = classAt14(9L, LocalDate.of(2024, 3, 11));
    static final ClassSession MONDAY_AFTER_FALL_BACK = classAt14(10L, LocalDate.of(2024, 11, 4));

    static ClassSession classAt14(long id, LocalDate date) {
        return new ClassSession(id, 1L, (int) id, date, LocalTime.of(14, 0), LocalTime.of(15, 15), "Diffusion", null,
                SessionKind.PRESENTATION, 2);
    }

    static Course newYorkCourse(int deadlineOffsetMinutes) {
        return new Course(1L, "CS 6785", "Deep Generative Models", "Fall", "America/New_York", null, 10, 1, 1,
                10_000_000, deadlineOffsetMinutes, 1, 2, 1, 3, 24, null, null, null, Instant.EPOCH);
    }

    @Test
    void the_deadline_keeps_the_wall_clock_across_the_daylight_saving_change() {
        // Class at 14:00 New York time is 18:00 UTC under EDT and 19:00 UTC under EST.
        assertEquals(Instant.parse("2024-03-11T18:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(0), MONDAY_AFTER_SPRING_FORWARD, List.of()).toInstant());
        assertEquals(Instant.parse("2024-11-04T19:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(0), MONDAY_AFTER_FALL_BACK, List.of()).toInstant());
        // An hour's offset: 13:00 New York time on the same Monday, whichever offset the day has.
        assertEquals(Instant.parse("2024-03-11T17:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(60), MONDAY_AFTER_SPRING_FORWARD, List.of()).toInstant());
        assertEquals(Instant.parse("2024-11-04T18:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(60), MONDAY_AFTER_FALL_BACK, List.of()).toInstant());
        // Shown to a student in Berlin, the same instant in their own zone.
        ZonedDateTime due = DeadlineRules.deadline(newYorkCourse(0), MONDAY_AFTER_FALL_BACK, List.of());
        DeadlineRules.Timing t = DeadlineRules.judge(due.minusHours(1).toInstant(), due, LatePolicy.none(), 0,
                ZoneId.of("Europe/Berlin"));
        assertTrue(t.summary().contains("20:00 CET"), t.summary());
    }

    @Test
    void offsets_and_extensions_across_the_daylight_saving_change_count_elapsed_hours() {
        // Due 48 hours (2880 minutes) before class: Mon 14:00 EDT (18:00Z) less 48 h is Sat 9 Mar 18:00Z, which is
        // 13:00 EST, not 14:00: the Sunday had 23 hours.
        assertEquals(Instant.parse("2024-03-09T18:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(2880), MONDAY_AFTER_SPRING_FORWARD, List.of()).toInstant());
        // Mon 14:00 EST (19:00Z) less 48 h is Sat 2 Nov 19:00Z, 15:00 EDT: the Sunday had 25 hours.
        assertEquals(Instant.parse("2024-11-02T19:00:00Z"),
                DeadlineRules.deadline(newYorkCourse(2880), MONDAY_AFTER_FALL_BACK, List.of()).toInstant());
        // A 30-hour extension for the session, granted from there, crosses the change again: 30 h after Sat 18:00Z
        // is Mon 11 Mar 00:00Z (Sun 20:00 EDT); 30 h after Sat 19:00Z is Mon 4 Nov 01:00Z (Sun 20:00 EST).
        assertEquals(Instant.parse("2024-03-11T00:00:00Z"), DeadlineRules.deadline(newYorkCourse(2880),
                MONDAY_AFTER_SPRING_FORWARD, List.of(extension(9L, 30))).toInstant());
        assertEquals(Instant.parse("2024-11-04T01:00:00Z"), DeadlineRules.deadline(newYorkCourse(2880),
                MONDAY_AFTER_FALL_BACK, List.of(extension(10L, 30))).toInstant());
    }

    @Test
    void grace_days_are_spent_per_started_day_up_to_the_cap_per_item() {
        DeadlineRules.Timing t = DeadlineRules.judge(CLASS.plusHours(25).toInstant(), CLASS, graceDays(4, 2), 4, NEW_YORK);
        assertTrue(t.accepted());
        assertEquals(2, t.graceSpent(), "25 hours is 2 started days");
        assertEquals(100, t.keepPercent());
        DeadlineRules.Timing capped = DeadlineRules.judge(CLASS.plusHours(60).toInstant(), CLASS, graceDays(4, 2), 4, NEW_YORK);
        assertEquals(2, capped.graceSpent());
        assertTrue(capped.late());
    }

    @Test
    void a_penalty_schedule_applies_to_what_grace_does_not_cover() {
        LatePolicy policy = new LatePolicy(true, new LatePolicy.Grace(LatePolicy.Unit.DAYS, 4, null), cornellSchedule(), null);
        DeadlineRules.Timing noGraceLeft = DeadlineRules.judge(CLASS.plusHours(30).toInstant(), CLASS, policy, 0, NEW_YORK);
        assertEquals(60, noGraceLeft.keepPercent(), "2 started days late: 60 % kept");
        DeadlineRules.Timing oneDayLeft = DeadlineRules.judge(CLASS.plusHours(30).toInstant(), CLASS, policy, 1, NEW_YORK);
        assertEquals(1, oneDayLeft.graceSpent());
        assertEquals(80, oneDayLeft.keepPercent(), "6 hours still late after one grace day: day 1 of the schedule");
        assertTrue(oneDayLeft.summary().contains("1 grace day spent"), oneDayLeft.summary());
    }

    @Test
    void a_rate_penalty_takes_a_share_per_started_hour() {
        LatePolicy policy = new LatePolicy(true, null, new LatePolicy.Penalty(LatePolicy.Unit.HOURS, null, 1.0), null);
        assertEquals(97, DeadlineRules.judge(CLASS.plusMinutes(150).toInstant(), CLASS, policy, 0, NEW_YORK).keepPercent());
    }

    @Test
    void nothing_is_accepted_after_the_cut_off_even_with_grace_left() {
        LatePolicy policy = new LatePolicy(true, new LatePolicy.Grace(LatePolicy.Unit.DAYS, 10, null), cornellSchedule(), 96);
        assertTrue(DeadlineRules.judge(CLASS.plusHours(95).toInstant(), CLASS, policy, 10, NEW_YORK).accepted());
        DeadlineRules.Timing t = DeadlineRules.judge(CLASS.plusHours(97).toInstant(), CLASS, policy, 10, NEW_YORK);
        assertFalse(t.accepted());
        assertTrue(t.summary().contains("nothing is accepted more than 96 hours after it"), t.summary());
    }

    // The deadline with extensions, and the grace left: what CritiqueService loads, these decide.

    static final Course COURSE = new Course(1L, "CS 6785", "Deep Generative Models", "Fall", "America/New_York", null, 10, 1, 1,
            10_000_000, 60, 1, 2, 1, 3, 24, null, null, null, Instant.EPOCH);
    static final ClassSession SESSION_7 = new ClassSession(7L, 1L, 3, CLASS.toLocalDate(), CLASS.toLocalTime(), CLASS.toLocalTime().plusMinutes(75),
            "Diffusion", null, SessionKind.PRESENTATION, 2);

    static Extension extension(Long sessionId, int hours) {
        return new Extension(null, 1L, 5L, sessionId, hours, null, 2L, Instant.EPOCH);
    }

    static CritiqueVersion version(long critiqueId, int version, int graceSpent) {
        return new CritiqueVersion(null, critiqueId, version, Instant.EPOCH, 5L, "c.pdf", "00", 1, 1, 1, 0, graceSpent, 100, "", null);
    }

    @Test
    void without_extensions_a_critique_is_due_at_class_start_minus_the_offset() {
        assertEquals(CLASS.minusMinutes(60), DeadlineRules.deadline(COURSE, SESSION_7, List.of()));
    }

    @Test
    void extensions_for_the_session_and_for_the_whole_term_add_up_and_others_do_not_count() {
        List<Extension> granted = List.of(extension(7L, 24), extension(null, 2), extension(8L, 100));
        assertEquals(CLASS.minusMinutes(60).plusHours(26), DeadlineRules.deadline(COURSE, SESSION_7, granted));
    }

    @Test
    void a_policy_without_grace_leaves_no_grace() {
        assertFalse(DeadlineRules.hasGrace(LatePolicy.none()));
        assertEquals(0, DeadlineRules.graceLeft(LatePolicy.none(), List.of(version(1, 1, 0)), null));
    }

    @Test
    void a_student_who_spent_no_grace_has_the_whole_budget() {
        assertEquals(4, DeadlineRules.graceLeft(graceDays(4, 2), List.of(), null));
    }

    @Test
    void grace_left_counts_only_the_latest_version_of_each_other_critique() {
        List<CritiqueVersion> mine = List.of(version(1, 1, 2), version(1, 2, 1), version(2, 1, 1));
        assertEquals(2, DeadlineRules.graceLeft(graceDays(4, 2), mine, null));
        // A re-upload of critique 1 spends its grace afresh: only critique 2's day counts.
        assertEquals(3, DeadlineRules.graceLeft(graceDays(4, 2), mine, 1L));
    }

    @Test
    void grace_left_is_never_below_zero() {
        assertEquals(0, DeadlineRules.graceLeft(graceDays(2, null), List.of(version(1, 1, 2), version(2, 1, 2)), null));
    }
}
