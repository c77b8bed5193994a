package org.paperclub.critique;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One uploaded file of a critique (its content is in {@link CritiqueFile}); versions are never replaced. */
@MappedEntity("critique_version")
public record CritiqueVersion(@Id @GeneratedValue @Nullable Long id,
                              Long critiqueId,
                              int version,
                              Instant uploadedAt,
                              Long uploadedBy,
                              @Nullable String fileName,
                              String sha256,
                              long sizeBytes,
                              int pages,
                              int words,
                              long minutesLate,
                              int graceSpent,
                              double keepPercent,
                              String timing,
                              @Nullable String warnings) {
}
