package org.paperclub.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("mail_profile")
record MailProfile(@Id long userId, @Nullable String timeZone, String unsubscribeKey, @Nullable Instant lastDigestAt) {
}
