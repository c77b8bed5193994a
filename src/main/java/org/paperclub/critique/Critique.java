package org.paperclub.critique;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A student's critique of one paper of one session; {@code place} counts it against the per-session limit. */
@MappedEntity("critique")
public record Critique(@Id @GeneratedValue @Nullable Long id,
                       Long courseId,
                       Long sessionId,
                       Long paperId,
                       Long studentId,
                       int place,
                       Instant createdAt) {
}
