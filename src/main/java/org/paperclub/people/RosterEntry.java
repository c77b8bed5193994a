package org.paperclub.people;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One person on a course's roster, as staff see it; {@code withdrawn}: a student removed from the course, whose work stays. */
@Serdeable
@Introspected
public record RosterEntry(Long enrollmentId, Long userId, String email, String name, CourseRole role,
                          @Nullable String section, @Nullable String canvasUserId, @Nullable String sisUserId,
                          boolean withdrawn) {
}
