package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A team presenting one paper in one session, in one of the session's numbered presentation slots.
 * {@code readingAtSignup}: the paper was a reading of the session when the team signed up.
 */
@MappedEntity("presentation")
public record Presentation(@Id @GeneratedValue @Nullable Long id,
                           Long courseId,
                           Long sessionId,
                           Long paperId,
                           int slot,
                           PresentationStatus status,
                           Long createdBy,
                           Instant createdAt,
                           boolean readingAtSignup) {

    Presentation withStatus(PresentationStatus newStatus) {
        return new Presentation(id, courseId, sessionId, paperId, slot, newStatus, createdBy, createdAt, readingAtSignup);
    }
}
