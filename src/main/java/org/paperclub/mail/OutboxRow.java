package org.paperclub.mail;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("mail_outbox")
record OutboxRow(@Id @GeneratedValue @Nullable Long id,
                 @Nullable Long userId,
                 String toAddress,
                 String kind,
                 String subject,
                 String textBody,
                 String htmlBody,
                 @Nullable String unsubscribeUrl,
                 String status,
                 int attempts,
                 Instant createdAt,
                 Instant nextAttemptAt,
                 @Nullable Instant claimedUntil,
                 @Nullable Instant sentAt,
                 @Nullable String lastError) {
}
