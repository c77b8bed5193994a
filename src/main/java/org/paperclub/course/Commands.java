package org.paperclub.course;

import org.paperclub.system.FreeText;
import org.paperclub.system.PlausibleDate;
import org.paperclub.system.SingleLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/** What the API accepts to change courses and their schedules. */
public final class Commands {

    private Commands() {
    }

    /** A new course, or the new state of one; policies left out take the defaults. */
    @Serdeable
    public record CourseCommand(@NotBlank @Size(max = 40) @SingleLine String code,
                                @NotBlank @Size(max = 200) @SingleLine String title,
                                @NotBlank @Size(max = 60) @SingleLine String term,
                                @NotBlank @Size(max = 60) @SingleLine String timeZone,
                                @Nullable @Size(max = 4000) @FreeText String description,
                                @Nullable @Valid CoursePolicies policies) {
        CourseDetails details() {
            return new CourseDetails(code.trim(), title.trim(), term.trim(), timeZone.trim(), description);
        }
    }

    /** A session; {@code number} left out takes the next free number. */
    @Serdeable
    public record SessionCommand(@Nullable @Min(1) @Max(1000) Integer number,
                                 @NotNull @PlausibleDate LocalDate date,
                                 @NotNull LocalTime startTime,
                                 @NotNull LocalTime endTime,
                                 @NotBlank @Size(max = 300) @SingleLine String topic,
                                 @Nullable @Size(max = 200) @SingleLine String location,
                                 @Nullable SessionKind kind,
                                 @Nullable @Min(0) @Max(20) Integer presentationSlots) {
    }

    /** A paper; {@code key} left out is made from the first author and year. */
    @Serdeable
    public record PaperCommand(@Nullable @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
                                       message = "may hold only lower-case letters, digits, '.', '_' and '-'") String key,
                               @NotBlank @Size(max = 500) @SingleLine String title,
                               @Nullable @Size(max = 1000) @SingleLine String authors,
                               @Nullable @Size(max = 300) @SingleLine String venue,
                               @Nullable @Min(1500) @Max(2200) Integer year,
                               @Nullable @Size(max = 1000) String link,
                               @Nullable Boolean official) {
    }

    @Serdeable
    public record ReadingCommand(@NotNull Long paperId, @Nullable ReadingKind kind) {
    }

    @Serdeable
    public record RoleCommand(@NotBlank @Size(max = 100) @SingleLine String name,
                              @NotBlank @Size(max = 1000) @FreeText String description,
                              @Min(1) @Max(2) int capacity) {
    }
}
