package org.paperclub.course;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.Commands.PaperCommand;
import org.paperclub.course.Commands.RoleCommand;
import org.paperclub.course.Commands.SessionCommand;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A whole course as one YAML (or JSON) document: what {@code POST /api/courses/import} reads and
 * {@code GET /api/courses/{id}/export} writes. Papers carry a short {@code key} by which sessions list their
 * readings. Left-out policies take their defaults; unknown keys are errors (a typo must not pass silently).
 * Each entry becomes the command the API takes for the same thing ({@link Commands}), and is checked by its rules.
 */
@JsonPropertyOrder({"format", "course", "policies", "roles", "papers", "sessions"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record CourseFile(String format, Header course, Policies policies, List<Role> roles, List<PaperEntry> papers,
                  List<SessionEntry> sessions) {

    static final String FORMAT = "paperclub-course/1";

    /** The course and its policies as the API would be asked to create them (left-out policies: the defaults). */
    CourseCommand courseCommand() {
        return new CourseCommand(course.code(), course.title(), course.term(), course.timeZone(), course.description(),
                coursePolicies());
    }

    CoursePolicies coursePolicies() {
        return policies == null ? CoursePolicies.defaults() : policies.orDefaults();
    }

    @JsonPropertyOrder({"code", "title", "term", "timeZone", "description"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Header(String code, String title, String term, String timeZone, String description) {
    }

    @JsonPropertyOrder({"critiquesRequired", "critiquesPerSession", "pagesPerCritique", "maxFileBytes",
            "deadlineOffsetMinutes", "minTeamSize", "maxTeamSize", "presentationsPerStudent", "roleBlockSize",
            "signupFreezeHours", "signupOpensAt", "latePolicy", "grading", "reminders"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Policies(Integer critiquesRequired, Integer critiquesPerSession, Integer pagesPerCritique, Long maxFileBytes,
                    Integer deadlineOffsetMinutes, Integer minTeamSize, Integer maxTeamSize,
                    Integer presentationsPerStudent, Integer roleBlockSize, Integer signupFreezeHours,
                    OffsetDateTime signupOpensAt, LatePolicy latePolicy, GradingPolicy grading, ReminderPolicy reminders) {

        CoursePolicies orDefaults() {
            CoursePolicies d = CoursePolicies.defaults();
            return new CoursePolicies(
                    or(critiquesRequired, d.critiquesRequired()), or(critiquesPerSession, d.critiquesPerSession()),
                    or(pagesPerCritique, d.pagesPerCritique()), maxFileBytes == null ? d.maxFileBytes() : maxFileBytes,
                    or(deadlineOffsetMinutes, d.deadlineOffsetMinutes()), or(minTeamSize, d.minTeamSize()),
                    or(maxTeamSize, d.maxTeamSize()), or(presentationsPerStudent, d.presentationsPerStudent()),
                    or(roleBlockSize, d.roleBlockSize()), or(signupFreezeHours, d.signupFreezeHours()), signupOpensAt,
                    latePolicy == null ? LatePolicy.none() : latePolicy, grading == null ? GradingPolicy.defaults() : grading,
                    reminders == null ? ReminderPolicy.defaults() : reminders);
        }

        static Policies of(CoursePolicies p) {
            return new Policies(p.critiquesRequired(), p.critiquesPerSession(), p.pagesPerCritique(), p.maxFileBytes(),
                    p.deadlineOffsetMinutes(), p.minTeamSize(), p.maxTeamSize(), p.presentationsPerStudent(),
                    p.roleBlockSize(), p.signupFreezeHours(), p.signupOpensAt(),
                    p.latePolicy() == null || p.latePolicy().equals(LatePolicy.none()) ? null : p.latePolicy(),
                    p.grading() == null || p.grading().equals(GradingPolicy.defaults()) ? null : p.grading(),
                    p.reminders() == null || p.remindersOrDefaults().equals(ReminderPolicy.defaults()) ? null : p.remindersOrDefaults());
        }

        private static int or(Integer value, int fallback) {
            return value == null ? fallback : value;
        }
    }

    @JsonPropertyOrder({"name", "description", "capacity"})
    record Role(String name, String description, Integer capacity) {

        /** A left-out capacity is one seat. */
        RoleCommand command() {
            return new RoleCommand(name, description, capacity == null ? 1 : capacity);
        }
    }

    @JsonPropertyOrder({"key", "title", "authors", "venue", "year", "link", "official"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaperEntry(String key, String title, String authors, String venue, Integer year, String link, Boolean official) {

        PaperCommand command() {
            return new PaperCommand(key, title, authors, venue, year, link, official);
        }
    }

    @JsonPropertyOrder({"number", "date", "start", "end", "kind", "topic", "location", "presentationSlots", "assigned",
            "additional"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionEntry(Integer number, LocalDate date, LocalTime start, LocalTime end, SessionKind kind, String topic,
                        String location, Integer presentationSlots, List<String> assigned, List<String> additional) {

        /** The session as the API takes it, whose {@code startTime} and {@code endTime} are {@code start} and {@code end} here. */
        SessionCommand command() {
            return new SessionCommand(number, date, start, end, topic, location, kind, presentationSlots);
        }

        SessionEntry shifted(long days) {
            return new SessionEntry(number, date == null ? null : date.plusDays(days), start, end, kind, topic, location,
                    presentationSlots, assigned, additional);
        }
    }
}
