package org.paperclub.course;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.JsonRepresentation;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.JsonDataType;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A seminar course and its policies (one column each, so that they can be queried and constrained). The late policy
 * and the grading policy vary too much for columns of their own: each is stored as JSON text in one column, written
 * and read by Micronaut Data with the application's JSON mapper; null stands for the defaults, so that a course that
 * never changed them follows new defaults. The reminder lead times likewise.
 */
@MappedEntity("course")
public record Course(@Id @GeneratedValue @Nullable Long id,
                     String code,
                     String title,
                     String term,
                     String timeZone,
                     @Nullable String description,
                     int critiquesRequired,
                     int critiquesPerSession,
                     int pagesPerCritique,
                     long maxFileBytes,
                     int deadlineOffsetMinutes,
                     int minTeamSize,
                     int maxTeamSize,
                     int presentationsPerStudent,
                     int roleBlockSize,
                     int signupFreezeHours,
                     @Nullable Instant signupOpensAt,
                     @Nullable @TypeDef(type = DataType.JSON) @JsonRepresentation(type = JsonDataType.STRING)
                     LatePolicy latePolicy,
                     @Nullable @TypeDef(type = DataType.JSON) @JsonRepresentation(type = JsonDataType.STRING)
                     GradingPolicy gradingPolicy,
                     @Nullable @TypeDef(type = DataType.JSON) @JsonRepresentation(type = JsonDataType.STRING)
                     ReminderPolicy reminderPolicy,
                     Instant createdAt) {

    @Creator
    public Course {
    }

    /** A course that keeps the default reminders. */
    public Course(Long id, String code, String title, String term, String timeZone, String description, int critiquesRequired,
                  int critiquesPerSession, int pagesPerCritique, long maxFileBytes, int deadlineOffsetMinutes, int minTeamSize,
                  int maxTeamSize, int presentationsPerStudent, int roleBlockSize, int signupFreezeHours, Instant signupOpensAt,
                  LatePolicy latePolicy, GradingPolicy gradingPolicy, Instant createdAt) {
        this(id, code, title, term, timeZone, description, critiquesRequired, critiquesPerSession, pagesPerCritique,
                maxFileBytes, deadlineOffsetMinutes, minTeamSize, maxTeamSize, presentationsPerStudent, roleBlockSize,
                signupFreezeHours, signupOpensAt, latePolicy, gradingPolicy, null, createdAt);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public CoursePolicies policies() {
        return new CoursePolicies(critiquesRequired, critiquesPerSession, pagesPerCritique, maxFileBytes,
                deadlineOffsetMinutes, minTeamSize, maxTeamSize, presentationsPerStudent, roleBlockSize, signupFreezeHours,
                signupOpensAt == null ? null : signupOpensAt.atZone(zone()).toOffsetDateTime(),
                latePolicy == null ? LatePolicy.none() : latePolicy, gradingPolicy == null ? GradingPolicy.defaults() : gradingPolicy,
                reminders());
    }

    /** The reminder lead times, every part filled in. */
    public ReminderPolicy reminders() {
        return reminderPolicy == null ? ReminderPolicy.defaults() : reminderPolicy.orDefaults();
    }

    static Course of(Long id, CourseDetails d, CoursePolicies p, Instant createdAt) {
        return new Course(id, d.code(), d.title(), d.term(), d.timeZone(), d.description(),
                p.critiquesRequired(), p.critiquesPerSession(), p.pagesPerCritique(), p.maxFileBytes(),
                p.deadlineOffsetMinutes(), p.minTeamSize(), p.maxTeamSize(), p.presentationsPerStudent(),
                p.roleBlockSize(), p.signupFreezeHours(),
                p.signupOpensAt() == null ? null : p.signupOpensAt().toInstant(), unlessDefault(p.latePolicy(), LatePolicy.none()),
                unlessDefault(p.grading(), GradingPolicy.defaults()),
                unlessDefault(p.reminders() == null ? null : p.reminders().orDefaults(), ReminderPolicy.defaults()), createdAt);
    }

    private static <T> T unlessDefault(T policy, T defaults) {
        return policy == null || policy.equals(defaults) ? null : policy;
    }
}
