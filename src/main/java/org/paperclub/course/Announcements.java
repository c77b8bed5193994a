package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.notify.Notice;
import org.paperclub.notify.NoticeKind;
import org.paperclub.notify.Notices;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.people.User;
import org.paperclub.system.FreeText;
import org.paperclub.system.SingleLine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Course announcements: stored with the course, and told to everyone in it (not withdrawn) but the author as a
 * notice in the same transaction, so that an announcement exists if and only if its notices (and e-mails) do. The
 * newest few ride in the schedule page's shared answer ({@link ScheduleService#keptPage}), so the course page still
 * loads in two requests.
 */
@Singleton
class Announcements {

    /** How many of the newest the course page shows (in the schedule page's shared answer). */
    static final int ON_THE_PAGE = 3;

    private final AnnouncementRepository announcements;
    private final CourseRepository courses;
    private final PeopleService people;
    private final Notices notices;
    private final Clock clock;

    Announcements(AnnouncementRepository announcements, CourseRepository courses, PeopleService people, Notices notices,
                  Clock clock) {
        this.announcements = announcements;
        this.courses = courses;
        this.people = people;
        this.notices = notices;
        this.clock = clock;
    }

    @Serdeable
    record AnnouncementCommand(
            @NotBlank(message = "is empty: give the announcement a short title") @Size(max = 200, message = "is too long: at most 200 characters") @SingleLine String title,
            @NotBlank(message = "is empty: write the message to the class") @Size(max = 4000, message = "is too long: at most 4000 characters") @FreeText String body) {
    }

    /** {@code notified}: how many people were told (only in the answer to posting it). */
    @Serdeable
    record AnnouncementView(long id, long courseId, String title, String body, long authorId, String authorName,
                            Instant createdAt, @Nullable Integer notified) {
    }

    @Serdeable
    record Page(long total, List<AnnouncementView> items) {
    }

    @Transactional
    AnnouncementView post(long courseId, long authorId, AnnouncementCommand command) {
        Announcement saved = announcements.save(new Announcement(null, courseId, authorId, command.title().strip(),
                command.body().strip(), clock.instant()));
        List<RosterEntry> roster = people.roster(courseId);
        List<Long> told = roster.stream()
                .filter(e -> !e.withdrawn() && e.userId() != authorId)
                .map(RosterEntry::userId).distinct().toList();
        // notify knows no course roles, so the author is named here, in the words of the notice (bell and mail alike).
        String author = roster.stream().filter(e -> e.userId() == authorId && !e.withdrawn()).findFirst()
                .map(e -> e.name() + " (" + (e.role() == CourseRole.INSTRUCTOR ? "instructor" : "TA") + ")")
                .orElseGet(() -> people.user(authorId).map(User::name).orElse("Course staff"));
        notices.post(new Notice(NoticeKind.ANNOUNCEMENT, courseId, saved.title(), author + " wrote:\n" + saved.body(),
                "/#/courses/" + courseId, null), told);
        // The newest are part of the course page's shared answer, kept per schedule version.
        courses.scheduleChanged(courseId);
        return view(saved, names(List.of(saved)), told.size());
    }

    @Transactional(readOnly = true)
    Page newest(long courseId, int limit) {
        List<Announcement> rows = announcements.newest(courseId, limit);
        Map<Long, String> names = names(rows);
        return new Page(announcements.countByCourseId(courseId), rows.stream().map(a -> view(a, names, null)).toList());
    }

    private Map<Long, String> names(List<Announcement> rows) {
        return people.users(rows.stream().map(Announcement::authorId).distinct().toList()).stream()
                .collect(Collectors.toMap(User::id, User::name));
    }

    private static AnnouncementView view(Announcement a, Map<Long, String> names, @Nullable Integer notified) {
        return new AnnouncementView(a.id(), a.courseId(), a.title(), a.body(), a.authorId(),
                names.getOrDefault(a.authorId(), "a former member of staff"), a.createdAt(), notified);
    }
}
