package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("notification_preference")
record NotificationPreference(@Id @GeneratedValue @Nullable Long id, long userId, NoticeKind kind, Delivery delivery) {
}
