package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import org.paperclub.course.GradingPolicy;

/**
 * One student's grade for one item: their presentation of a paper, their supporting role in a session, or their
 * critique of a paper. {@code points} is on the course's scale for the kind ({@code mark} names the mark, on a mark
 * scale), out of {@code maxPoints}: the scale's maximum when it was given, so that changing a scale later does not
 * rescale the grades already given. A draft until {@code publishedAt}; only then does the student see it.
 */
@MappedEntity("grade")
public record Grade(@Id @GeneratedValue @Nullable Long id,
                   long courseId,
                   long sessionId,
                   long studentId,
                   GradeKind kind,
                   long subjectId,
                   double points,
                   double maxPoints,
                   @Nullable String mark,
                   @Nullable String comment,
                   long gradedBy,
                   Instant gradedAt,
                   @Nullable Instant publishedAt) {

    Grade regraded(double newPoints, double newMax, @Nullable String newMark, @Nullable String newComment, long by, Instant at) {
        return new Grade(id, courseId, sessionId, studentId, kind, subjectId, newPoints, newMax, newMark, newComment, by, at, publishedAt);
    }

    /** The grade as a person reads it: the mark, or the points. */
    String value() {
        return mark != null ? mark : GradingPolicy.number(points);
    }
}
