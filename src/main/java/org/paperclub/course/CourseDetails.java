package org.paperclub.course;

import org.paperclub.system.FreeText;
import org.paperclub.system.SingleLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What names a course; the time zone is an IANA name such as America/New_York. */
@Serdeable
public record CourseDetails(@NotBlank @Size(max = 40) @SingleLine String code,
                            @NotBlank @Size(max = 200) @SingleLine String title,
                            @NotBlank @Size(max = 60) @SingleLine String term,
                            @NotBlank @Size(max = 60) @SingleLine String timeZone,
                            @Nullable @Size(max = 4000) @FreeText String description) {
}
