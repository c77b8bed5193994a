package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A student's request to look at a grade again, and the staff's answer. {@code openGradeId} is the grade's id
 * while the request is open, null once answered: a unique key over it allows one open request per grade.
 */
@MappedEntity("regrade_request")
public record RegradeRequest(@Id @GeneratedValue @Nullable Long id,
                             Long courseId,
                             Long gradeId,
                             Long studentId,
                             String reason,
                             Instant filedAt,
                             @Nullable Long openGradeId,
                             @Nullable String answer,
                             @Nullable Long answeredBy,
                             @Nullable Instant answeredAt,
                             @Nullable String oldValue,
                             @Nullable String newValue) {

    boolean open() {
        return answeredAt == null;
    }

    RegradeRequest answered(String text, long by, Instant at, String before, String after) {
        return new RegradeRequest(id, courseId, gradeId, studentId, reason, filedAt, null, text, by, at, before, after);
    }
}
