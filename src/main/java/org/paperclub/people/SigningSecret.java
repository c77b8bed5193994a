package org.paperclub.people;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The session-signing secret made by the first instance on a database when none is configured. */
@MappedEntity("signing_secret")
record SigningSecret(@Id String name, String secret, Instant createdAt) {
}
