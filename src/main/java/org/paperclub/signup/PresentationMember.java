package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A student in a presentation team: {@code place} in the team (1..max team size), {@code turn} among their presentations. */
@MappedEntity("presentation_member")
public record PresentationMember(@Id @GeneratedValue @Nullable Long id,
                                 Long presentationId,
                                 Long courseId,
                                 Long userId,
                                 int place,
                                 int turn) {
}
