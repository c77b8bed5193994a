package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What names a course; the time zone is an IANA name such as America/New_York. */
@Serdeable
public record CourseDetails(@NotBlank @Size(max = 40) String code,
                            @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 60) String term,
                            @NotBlank @Size(max = 60) String timeZone,
                            @Nullable @Size(max = 4000) String description) {
}
