package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A short message from the course's staff to the class; {@code editedAt}: when staff last corrected it. */
@MappedEntity("announcement")
record Announcement(@Id @GeneratedValue @Nullable Long id,
                    long courseId,
                    long authorId,
                    String title,
                    String body,
                    Instant createdAt,
                    @Nullable Instant editedAt,
                    @Nullable Long editedBy) {
}
