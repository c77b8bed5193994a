package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Someone in a course; {@code withdrawnAt} is set when a student is removed (their work stays, their access goes). */
@MappedEntity("enrollment")
public record Enrollment(@Id @GeneratedValue @Nullable Long id,
                         Long courseId,
                         Long userId,
                         CourseRole role,
                         @Nullable String section,
                         @Nullable String canvasUserId,
                         @Nullable String sisUserId,
                         @Nullable Instant withdrawnAt) {

    /** Enrolled: not withdrawn from the course. Access, sign-ups and uploads look only at active enrollments. */
    public boolean active() {
        return withdrawnAt == null;
    }
}
