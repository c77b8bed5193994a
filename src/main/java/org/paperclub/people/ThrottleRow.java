package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Recent failed sign-ins of one (account, client), one account or one client, and how long attempts must wait. */
@MappedEntity("sign_in_throttle")
record ThrottleRow(@Id String throttleKey,
                   int failures,
                   @Nullable Instant lastFailureAt,
                   @Nullable Instant blockedUntil,
                   @Nullable Instant lastSuccessAt,
                   Instant expiresAt) {
}
