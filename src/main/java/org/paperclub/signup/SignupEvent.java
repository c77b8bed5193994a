package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One line of the sign-up audit trail; {@code userId} is the student it concerns, who sees it as a notice. */
@MappedEntity("signup_event")
public record SignupEvent(@Id @GeneratedValue @Nullable Long id,
                          Long courseId,
                          Long actorId,
                          Instant at,
                          String action,
                          @Nullable Long sessionId,
                          @Nullable Long userId,
                          String detail) {
}
