package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A single-use set-password link: the invitation of an account made for someone, or the reset of a forgotten
 * password ({@code purpose}); the token itself is never stored.
 */
@MappedEntity("invitation")
record Invitation(@Id @GeneratedValue @Nullable Long id,
                  Long userId,
                  String tokenHash,
                  Instant createdAt,
                  Instant expiresAt,
                  @Nullable Instant usedAt,
                  String purpose) {

    static final String INVITATION = "INVITATION";
    static final String RESET = "RESET";
}
