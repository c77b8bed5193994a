package org.paperclub.course;

import org.paperclub.system.PlausibleDate;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.OffsetDateTime;

/**
 * The rules a course configures. Defaults come from the two demo courses' syllabi (UMD and Cornell CS 6785):
 * ten one-page critiques of at most 5 MB, one per session, due at class start; teams of 1-2 presenting once;
 * one supporting role per block of 2 sessions; sign-ups freezing 48 hours before class, open from the start
 * unless {@code signupOpensAt} says when. Grading: {@link GradingPolicy#defaults()}. Reminders:
 * {@link ReminderPolicy#defaults()}.
 */
@Serdeable
public record CoursePolicies(@Min(0) @Max(200) int critiquesRequired,
                             @Min(1) @Max(20) int critiquesPerSession,
                             @Min(1) @Max(50) int pagesPerCritique,
                             @Min(1024) @Max(50L * 1024 * 1024) long maxFileBytes,
                             @Min(0) @Max(7 * 24 * 60) int deadlineOffsetMinutes,
                             @Min(1) @Max(10) int minTeamSize,
                             @Min(1) @Max(10) int maxTeamSize,
                             @Min(0) @Max(20) int presentationsPerStudent,
                             @Min(1) @Max(50) int roleBlockSize,
                             @Min(0) @Max(30 * 24) int signupFreezeHours,
                             @Nullable @PlausibleDate OffsetDateTime signupOpensAt,
                             @Nullable LatePolicy latePolicy,
                             @Nullable GradingPolicy grading,
                             @Nullable ReminderPolicy reminders) {

    @Creator
    public CoursePolicies {
    }

    /** The policies of a course that never set its reminders: their defaults. */
    public CoursePolicies(int critiquesRequired, int critiquesPerSession, int pagesPerCritique, long maxFileBytes,
                          int deadlineOffsetMinutes, int minTeamSize, int maxTeamSize, int presentationsPerStudent,
                          int roleBlockSize, int signupFreezeHours, OffsetDateTime signupOpensAt, LatePolicy latePolicy,
                          GradingPolicy grading) {
        this(critiquesRequired, critiquesPerSession, pagesPerCritique, maxFileBytes, deadlineOffsetMinutes, minTeamSize,
                maxTeamSize, presentationsPerStudent, roleBlockSize, signupFreezeHours, signupOpensAt, latePolicy, grading, null);
    }

    public static CoursePolicies defaults() {
        return new CoursePolicies(10, 1, 1, 5L * 1024 * 1024, 0, 1, 2, 1, 2, 48, null, LatePolicy.none(), GradingPolicy.defaults(),
                ReminderPolicy.defaults());
    }

    public CoursePolicies withGrading(GradingPolicy newGrading) {
        return new CoursePolicies(critiquesRequired, critiquesPerSession, pagesPerCritique, maxFileBytes, deadlineOffsetMinutes,
                minTeamSize, maxTeamSize, presentationsPerStudent, roleBlockSize, signupFreezeHours, signupOpensAt, latePolicy,
                newGrading, reminders);
    }

    /** The reminder lead times, their defaults where none is set. */
    public ReminderPolicy remindersOrDefaults() {
        return reminders == null ? ReminderPolicy.defaults() : reminders.orDefaults();
    }

    /** The grading policy, its defaults when none is set. */
    public GradingPolicy gradingOrDefaults() {
        return grading == null ? GradingPolicy.defaults() : grading;
    }
}
