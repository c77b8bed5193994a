package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A paper (or other resource) of a course. {@code key} is a short slug unique in the course, which the course
 * file uses to place papers on sessions. Papers on the official list may be presented without approval.
 */
@MappedEntity("paper")
public record Paper(@Id @GeneratedValue @Nullable Long id,
                    Long courseId,
                    @MappedProperty("paper_key") String key,
                    String title,
                    @Nullable String authors,
                    @Nullable String venue,
                    @MappedProperty("pub_year") @Nullable Integer year,
                    @Nullable String link,
                    boolean official) {
}
