package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A partner asked to join a presentation team ({@code userId}), pending until they accept or decline (V11). */
@MappedEntity("presentation_invitation")
public record PresentationInvitation(@Id @GeneratedValue @Nullable Long id,
                              Long presentationId,
                              Long courseId,
                              Long userId,
                              Long invitedBy,
                              Instant createdAt) {
}
