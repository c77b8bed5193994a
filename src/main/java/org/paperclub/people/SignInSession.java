package org.paperclub.people;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A live sign-in: its token is accepted while this row exists and has not expired. The id is a hash of the sid. */
@MappedEntity("sign_in_session")
record SignInSession(@Id String id, Long userId, Instant createdAt, Instant expiresAt) {
}
