package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.paperclub.system.FreeText;
import org.paperclub.system.PlausibleDate;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.SingleLine;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the API accepts to change courses and their schedules, and the one home of their input rules: a field's
 * rule is a constraint here, a rule between fields is a {@code problems()} method here (or
 * {@link CourseService#zoneProblems}, {@link CourseService#policyProblems} for a course). The API and the course file
 * ({@link CourseFileService}, which maps each entry onto these records) both check them, so a constraint added here
 * applies to both. The database's CHECK constraints repeat a few of these rules only as the last line of defence.
 */
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
            return new CourseDetails(code.trim(), title.trim(), term.trim(), timeZone.trim(), blankToNull(description));
        }
    }

    /** A session; {@code number} left out takes the next free number. */
    @Serdeable
    public record SessionCommand(@Nullable @Min(value = 1, message = "must be between 1 and 1000")
                                 @Max(value = 1000, message = "must be between 1 and 1000") Integer number,
                                 @NotNull(message = "is missing") @PlausibleDate LocalDate date,
                                 @NotNull(message = "is missing") LocalTime startTime,
                                 @NotNull(message = "is missing") LocalTime endTime,
                                 @NotBlank @Size(max = 300) @SingleLine String topic,
                                 @Nullable @Size(max = 200) @SingleLine String location,
                                 @Nullable SessionKind kind,
                                 @Nullable @Min(value = 0, message = "must be between 0 and 20")
                                 @Max(value = 20, message = "must be between 0 and 20") Integer presentationSlots) {

        /** The rule between fields: a session ends after it starts (also a CHECK of the table, as a last resort). */
        List<Violation> problems() {
            return startTime != null && endTime != null && !endTime.isAfter(startTime)
                    ? List.of(new Violation("endTime", "must be after the start time")) : List.of();
        }

        /** The session this command describes; a left-out kind is a lecture, left-out slots are {@code slotsIfLeftOut}. */
        ClassSession session(@Nullable Long id, long courseId, int sessionNumber, int slotsIfLeftOut) {
            return new ClassSession(id, courseId, sessionNumber, date, startTime, endTime, topic.trim(), blankToNull(location),
                    kind == null ? SessionKind.LECTURE : kind, presentationSlots == null ? slotsIfLeftOut : presentationSlots);
        }
    }

    /** A paper; {@code key} left out is made from the first author and year. */
    @Serdeable
    public record PaperCommand(@Nullable @Size(max = 80) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*",
                                       message = "may hold only lower-case letters, digits, '.', '_' and '-'") String key,
                               @NotBlank @Size(max = 500) @SingleLine String title,
                               @Nullable @Size(max = 1000) @SingleLine String authors,
                               @Nullable @Size(max = 300) @SingleLine String venue,
                               @Nullable @Min(value = 1500, message = "must be a year from 1500 to 2200")
                               @Max(value = 2200, message = "must be a year from 1500 to 2200") Integer year,
                               @Nullable @Size(max = 1000) String link,
                               @Nullable Boolean official) {

        /** The link rule ({@link PaperLinks}): a web address to follow, never script. */
        List<Violation> problems() {
            return PaperLinks.acceptable(link) ? List.of() : List.of(new Violation("link", PaperLinks.RULE));
        }

        /** The paper this command describes, under {@code paperKey}; a left-out {@code official} is true. */
        Paper paper(@Nullable Long id, long courseId, String paperKey) {
            return new Paper(id, courseId, paperKey, title.trim(), blankToNull(authors), blankToNull(venue), year,
                    PaperLinks.normalize(link), official == null || official);
        }
    }

    @Serdeable
    public record ReadingCommand(@NotNull Long paperId, @Nullable ReadingKind kind) {
    }

    /** A supporting role: 1 or 2 seats per session (the supporting_role table's CHECK repeats it, as a last resort). */
    @Serdeable
    public record RoleCommand(@NotBlank @Size(max = 100) @SingleLine String name,
                              @NotBlank @Size(max = 1000) @FreeText String description,
                              @Min(value = 1, message = "must be 1 or 2") @Max(value = 2, message = "must be 1 or 2") int capacity) {

        SupportingRole role(@Nullable Long id, long courseId, int position) {
            return new SupportingRole(id, courseId, name.trim(), description.trim(), capacity, position);
        }
    }

    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
