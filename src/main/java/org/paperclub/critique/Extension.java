package org.paperclub.critique;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** More hours for one student: for one session, or every session of the term when {@code sessionId} is null. */
@MappedEntity("extension")
public record Extension(@Id @GeneratedValue @Nullable Long id,
                        Long courseId,
                        Long studentId,
                        @Nullable Long sessionId,
                        int hours,
                        @Nullable String reason,
                        Long grantedBy,
                        Instant grantedAt) {
}
