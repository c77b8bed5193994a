package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A one-time Dynamic Registration link, kept by the SHA-256 of its secret. */
@MappedEntity("lti_registration_link")
record RegistrationLink(@Id String tokenHash, Long createdBy, Instant createdAt, Instant expiresAt, @Nullable Instant usedAt,
                        @Nullable Long registrationId) {
}
