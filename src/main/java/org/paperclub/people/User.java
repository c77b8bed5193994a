package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person who signs in. Their role is per course ({@link Enrollment}); {@code courseCreator} may create courses. */
@MappedEntity("app_user")
public record User(@Id @GeneratedValue @Nullable Long id,
                   String email,
                   String name,
                   @Nullable String passwordHash,
                   boolean courseCreator,
                   Instant createdAt) {

    User withPasswordHash(String hash) {
        return new User(id, email, name, hash, courseCreator, createdAt);
    }
}
