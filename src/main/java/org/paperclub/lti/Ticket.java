package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.paperclub.people.CourseRole;

import java.time.Instant;

/** A step after a verified launch, held by a random token (V22 {@code lti_ticket}). */
@MappedEntity("lti_ticket")
record Ticket(@Id String tokenHash, Purpose purpose, Long registrationId, Long userId, @Nullable Long contextRowId,
              @Nullable CourseRole role, @Nullable String payload, Instant expiresAt) {

    enum Purpose { LINK, DEEP_LINK, HANDOFF }
}
