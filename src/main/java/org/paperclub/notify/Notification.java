package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("notification")
record Notification(@Id @GeneratedValue @Nullable Long id,
                    long userId,
                    @Nullable Long courseId,
                    NoticeKind kind,
                    String title,
                    String body,
                    String link,
                    @Nullable Instant happensAt,
                    Instant createdAt,
                    @Nullable Instant readAt,
                    boolean digestDue,
                    @Nullable String subject) {
}
