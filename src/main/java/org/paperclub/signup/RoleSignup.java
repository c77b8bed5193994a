package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A student holding seat {@code seat} (1..capacity) of a supporting role in a session. */
@MappedEntity("role_signup")
public record RoleSignup(@Id @GeneratedValue @Nullable Long id,
                         Long courseId,
                         Long sessionId,
                         Long roleId,
                         Long userId,
                         int seat,
                         Long createdBy,
                         Instant createdAt) {
}
