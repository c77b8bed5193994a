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
import org.paperclub.system.ProblemException;
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
 * loads in two requests. Staff correct one (its notices in the bells are corrected in place) or withdraw one (its
 * notices leave the bells); e-mails already sent cannot be recalled.
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

    /**
     * {@code editedAt}: when staff last corrected it (null if never); {@code notified}: how many people were told (only
     * in the answer to posting it, or to a correction told again).
     */
    @Serdeable
    record AnnouncementView(long id, long courseId, String title, String body, long authorId, String authorName,
                            Instant createdAt, @Nullable Instant editedAt, @Nullable Integer notified) {
    }

    @Serdeable
    record Page(long total, List<AnnouncementView> items) {
    }

    @Transactional
    AnnouncementView post(long courseId, long authorId, AnnouncementCommand command) {
        Announcement saved = announcements.save(new Announcement(null, courseId, authorId, command.title().strip(),
                command.body().strip(), clock.instant(), null, null));
        List<RosterEntry> roster = people.roster(courseId);
        List<Long> told = toldBy(roster, authorId);
        notices.post(notice(saved, saved.title(), roster, subject(saved.id())), told);
        // The newest are part of the course page's shared answer, kept per schedule version.
        courses.scheduleChanged(courseId);
        return view(saved, names(List.of(saved)), told.size());
    }

    /**
     * Corrects the title and body; author and creation time stay, and {@code editedAt} says when. The notices already
     * in the bells for it are corrected in place (they carry the announcement's subject: {@link #subject}); e-mails
     * already sent cannot be recalled, so with {@code notify} everyone is told again, as "Corrected: title" in the
     * name of the staff member who corrected it ("... (TA) corrected:"), that one aside. Unchanged text is no
     * correction: nothing is marked. Staff who ask to tell everyone of a quiet correction after all (unchanged text,
     * {@code notify}) are heard, and the notice names who made the correction, which may be someone else (it is kept
     * with the announcement); neither of them is told. Asking that of an announcement never corrected is refused, as
     * there is no correction to tell.
     */
    @Transactional
    AnnouncementView correct(long courseId, long id, long editorId, AnnouncementCommand command, boolean notify) {
        Announcement was = announcements.findByIdAndCourseId(id, courseId).orElseThrow(Announcements::noSuch);
        String title = command.title().strip();
        String body = command.body().strip();
        if (was.title().equals(title) && was.body().equals(body)) {
            if (!notify) {
                return view(was, names(List.of(was)), null);
            }
            if (was.editedAt() == null) {
                throw ProblemException.invalid("Nothing was changed, so there is no correction to tell: everyone was "
                        + "told this announcement as it stands. Change the title or the message first.", List.of());
            }
            List<RosterEntry> roster = people.roster(courseId);
            // Corrections made before the corrector was kept are told in the name of who tells.
            long corrector = was.editedBy() == null ? editorId : was.editedBy();
            List<Long> whom = toldBy(roster, editorId, corrector);
            notices.post(correctionNotice(was, corrector, roster), whom);
            return view(was, names(List.of(was)), whom.size());
        }
        Instant now = clock.instant();
        if (announcements.correct(id, courseId, title, body, now, editorId) == 0) {
            throw noSuch();   // withdrawn meanwhile
        }
        Announcement corrected = new Announcement(id, courseId, was.authorId(), title, body, was.createdAt(), now, editorId);
        List<RosterEntry> roster = people.roster(courseId);
        notices.revise(subject(id), notice(corrected, title, roster, subject(id)));
        // The notices that told of a correction now show this one's text, so they name who made this one.
        notices.revise(correctionSubject(id), correctionNotice(corrected, editorId, roster));
        Integer told = null;
        if (notify) {
            List<Long> whom = toldBy(roster, editorId);
            notices.post(correctionNotice(corrected, editorId, roster), whom);
            told = whom.size();
        }
        courses.scheduleChanged(courseId);
        return view(corrected, names(List.of(corrected)), told);
    }

    /**
     * Withdraws it: gone from the course page and list, and its notices (the first and any "Corrected:") leave the
     * bells and any digest not yet sent, so that none points at an announcement that is gone. E-mails already sent
     * stay sent.
     */
    @Transactional
    void withdraw(long courseId, long id) {
        if (announcements.withdraw(id, courseId) == 0) {
            throw noSuch();
        }
        notices.withdraw(List.of(subject(id), correctionSubject(id)));
        courses.scheduleChanged(courseId);
    }

    /** Everyone in the course (not withdrawn) but the one who wrote or corrected it and the one who tells. */
    private static List<Long> toldBy(List<RosterEntry> roster, long writer) {
        return toldBy(roster, writer, writer);
    }

    private static List<Long> toldBy(List<RosterEntry> roster, long writer, long teller) {
        return roster.stream().filter(e -> !e.withdrawn() && e.userId() != writer && e.userId() != teller)
                .map(RosterEntry::userId).distinct().toList();
    }

    /** The notice of an announcement, in the words of its author (bell and mail alike). */
    private Notice notice(Announcement a, String title, List<RosterEntry> roster, String subject) {
        return new Notice(NoticeKind.ANNOUNCEMENT, a.courseId(), title, staff(a.authorId(), roster) + " wrote:\n" + a.body(),
                "/#/courses/" + a.courseId(), null, subject);
    }

    /**
     * The notice that tells of a correction, "Corrected: title", in the name of who corrected it: a TA correcting
     * the instructor's post must not tell the class that the instructor wrote the correction.
     */
    private Notice correctionNotice(Announcement a, long editorId, List<RosterEntry> roster) {
        return new Notice(NoticeKind.ANNOUNCEMENT, a.courseId(), "Corrected: " + a.title(),
                staff(editorId, roster) + " corrected:\n" + a.body(), "/#/courses/" + a.courseId(), null,
                correctionSubject(a.id()));
    }

    /** "Ada Lovelace (instructor)": notify knows no course roles, so staff are named here, in the words of the notice. */
    private String staff(long userId, List<RosterEntry> roster) {
        return roster.stream().filter(e -> e.userId() == userId && !e.withdrawn()).findFirst()
                .map(e -> e.name() + " (" + (e.role() == CourseRole.INSTRUCTOR ? "instructor" : "TA") + ")")
                .orElseGet(() -> people.user(userId).map(User::name).orElse("Course staff"));
    }

    /** What the notices of an announcement are about, so that a correction or withdrawal finds them. */
    static String subject(long announcementId) {
        return "announcement:" + announcementId;
    }

    /** The notices that told of a correction ("Corrected: title"), apart, so that a later correction keeps their title. */
    static String correctionSubject(long announcementId) {
        return "announcement:" + announcementId + ":corrected";
    }

    private static ProblemException noSuch() {
        return ProblemException.notFound("There is no such announcement in this course: it may have been withdrawn.");
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
                names.getOrDefault(a.authorId(), "a former member of staff"), a.createdAt(), a.editedAt(), notified);
    }
}
