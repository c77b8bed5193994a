package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.paperclub.people.CourseRole;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** What the API sends about courses and their schedules. */
public final class CourseViews {

    private CourseViews() {
    }

    /**
     * A course as one of its members sees it; {@code role} is the caller's role in it. {@code warnings}: for staff
     * reading or saving the course, what its policies ask that its schedule cannot give (empty otherwise).
     */
    @Serdeable
    public record CourseView(Long id, String code, String title, String term, String timeZone,
                             @Nullable String description, CoursePolicies policies, @Nullable CourseRole role,
                             List<PolicyWarning> warnings, boolean lmsLinked) {
        static CourseView of(Course c, @Nullable CourseRole role) {
            return new CourseView(c.id(), c.code(), c.title(), c.term(), c.timeZone(), c.description(), c.policies(), role, List.of(),
                    false);
        }

        CourseView withWarnings(List<PolicyWarning> list) {
            return new CourseView(id, code, title, term, timeZone, description, policies, role, list, lmsLinked);
        }

        /** The same, saying whether the course is linked to an LMS course. */
        CourseView withLmsLinked(boolean linked) {
            return new CourseView(id, code, title, term, timeZone, description, policies, role, warnings, linked);
        }
    }

    /** A policy the schedule cannot meet: the policy's field and a sentence for staff. */
    @Serdeable
    public record PolicyWarning(String field, String message) {
    }

    @Serdeable
    public record PaperView(Long id, String key, String title, @Nullable String authors, @Nullable String venue,
                            @Nullable Integer year, @Nullable String link, boolean official) {
        static PaperView of(Paper p) {
            return new PaperView(p.id(), p.key(), p.title(), p.authors(), p.venue(), p.year(), p.link(), p.official());
        }
    }

    @Serdeable
    public record ReadingView(Long paperId, ReadingKind kind, PaperView paper) {
    }

    /**
     * A session: {@code date}, {@code startTime} and {@code endTime} are wall-clock in the course zone;
     * {@code startsAt}/{@code endsAt} are the same instants with their offset, for the viewer's own zone.
     */
    @Serdeable
    public record SessionView(Long id, int number, LocalDate date, LocalTime startTime, LocalTime endTime,
                              OffsetDateTime startsAt, OffsetDateTime endsAt, String topic, @Nullable String location,
                              SessionKind kind, int presentationSlots, List<ReadingView> readings) {
        static SessionView of(ClassSession s, ZoneId zone, List<ReadingView> readings) {
            return new SessionView(s.id(), s.number(), s.date(), s.startTime(), s.endTime(),
                    s.startsAt(zone).toOffsetDateTime(), s.endsAt(zone).toOffsetDateTime(), s.topic(), s.location(),
                    s.kind(), s.presentationSlots(), readings);
        }
    }

    @Serdeable
    public record RoleView(Long id, String name, String description, int capacity) {
        static RoleView of(SupportingRole r) {
            return new RoleView(r.id(), r.name(), r.description(), r.capacity());
        }
    }
}
