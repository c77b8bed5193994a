package org.paperclub.people;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One person on a course's roster, as staff see it; {@code withdrawn}: a student removed from the course, whose work
 * stays. {@code invitation} is null once the person has a password; until then it says whether their newest
 * invitation (sent at {@code invitationSentAt}) still works. {@code mailRefused}: why the SMTP server refused their
 * address, when it did.
 */
@Serdeable
@Introspected
public record RosterEntry(Long enrollmentId, Long userId, String email, String name, CourseRole role,
                          @Nullable String section, @Nullable String canvasUserId, @Nullable String sisUserId,
                          boolean withdrawn, @Nullable InvitationState invitation, @Nullable Instant invitationSentAt,
                          @Nullable Instant invitationExpiresAt, @Nullable String mailRefused, @Nullable Instant mailRefusedAt) {
}
