package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("enrollment")
public record Enrollment(@Id @GeneratedValue @Nullable Long id,
                         Long courseId,
                         Long userId,
                         CourseRole role,
                         @Nullable String section,
                         @Nullable String canvasUserId,
                         @Nullable String sisUserId) {
}
