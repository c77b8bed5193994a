package org.paperclub.calendar;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A user's secret calendar link: only the SHA-256 of its token is kept. */
@MappedEntity("calendar_link")
record CalendarLink(@Id Long userId, String tokenHash, Instant createdAt) {
}
