package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.ZoneId;

/** A seminar course and its policies (one column each, so that they can be queried and constrained). */
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
                     @Nullable String latePolicy,
                     @Nullable String gradingPolicy,
                     Instant createdAt) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public CoursePolicies policies() {
        return new CoursePolicies(critiquesRequired, critiquesPerSession, pagesPerCritique, maxFileBytes,
                deadlineOffsetMinutes, minTeamSize, maxTeamSize, presentationsPerStudent, roleBlockSize, signupFreezeHours,
                signupOpensAt == null ? null : signupOpensAt.atZone(zone()).toOffsetDateTime(), LatePolicy.fromJson(latePolicy),
                GradingPolicy.fromJson(gradingPolicy));
    }

    static Course of(Long id, CourseDetails d, CoursePolicies p, Instant createdAt) {
        return new Course(id, d.code(), d.title(), d.term(), d.timeZone(), d.description(),
                p.critiquesRequired(), p.critiquesPerSession(), p.pagesPerCritique(), p.maxFileBytes(),
                p.deadlineOffsetMinutes(), p.minTeamSize(), p.maxTeamSize(), p.presentationsPerStudent(),
                p.roleBlockSize(), p.signupFreezeHours(),
                p.signupOpensAt() == null ? null : p.signupOpensAt().toInstant(), LatePolicy.toJson(p.latePolicy()),
                GradingPolicy.toJson(p.grading()), createdAt);
    }
}
