package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One line of the grade audit: who did what to which grade, old value to new. Outlives the grade. */
@MappedEntity("grade_event")
public record GradeEvent(@Id @GeneratedValue @Nullable Long id,
                         Long courseId,
                         Long gradeId,
                         Long studentId,
                         Long actorId,
                         Instant at,
                         String action,
                         @Nullable String oldValue,
                         @Nullable String newValue,
                         String detail) {
}
