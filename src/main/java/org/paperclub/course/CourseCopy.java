package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseFile.SessionEntry;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.system.PlausibleDate;
import org.paperclub.system.SingleLine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Starts a course in a new term from an old one, or from a course file with a new first day of classes. The old
 * course is read as its course file and imported again, so that a copy passes exactly the checks of an import and
 * carries what a course file carries: policies, supporting roles, papers and the schedule with its readings. Nobody's
 * work and no students come along; the copier becomes the instructor, and the TAs only when asked.
 * Dates move by {@link TermShift}.
 */
@Singleton
public class CourseCopy {

    /** Breaks (NO_CLASS sessions): KEEP moves them like every session; LEAVE_OUT drops them, to be entered anew. */
    public enum Breaks { KEEP, LEAVE_OUT }

    /** A copy of a course into a new term. */
    @Serdeable
    public record CopyCommand(@NotBlank @Size(max = 40) @SingleLine String code,
                              @NotBlank @Size(max = 60) @SingleLine String term,
                              @Nullable @Size(max = 200) @SingleLine String title,
                              @NotNull @PlausibleDate LocalDate firstDay,
                              @Nullable Breaks breaks,
                              @Nullable Boolean carryTas) {
    }

    private final CourseFileService files;
    private final PeopleService people;

    CourseCopy(CourseFileService files, PeopleService people) {
        this.files = files;
        this.people = people;
    }

    @Transactional
    public Course copy(long courseId, CopyCommand command, long creatorId) {
        CourseFile old = files.export(courseId);
        CourseFile.Header h = old.course();
        String title = command.title() == null || command.title().isBlank() ? h.title() : command.title().trim();
        CourseFile.Header header = new CourseFile.Header(command.code().trim(), title, command.term().trim(), h.timeZone(),
                h.description());
        Course copy = files.importFile(moved(old, header, command.firstDay(), command.breaks() != Breaks.LEAVE_OUT), creatorId);
        if (Boolean.TRUE.equals(command.carryTas())) {
            for (RosterEntry e : people.roster(courseId)) {
                if (e.role() == CourseRole.TA && !e.userId().equals(creatorId)) {
                    people.enroll(copy.id(), e.userId(), CourseRole.TA, e.section());
                }
            }
        }
        return copy;
    }

    /** Imports a course file whose sessions move so that the term starts in the week of {@code firstDay}. */
    @Transactional
    public Course importMoved(String text, LocalDate firstDay, long creatorId) {
        CourseFile file = files.parse(text);
        return files.importFile(moved(file, file.course(), firstDay, true), creatorId);
    }

    /**
     * The first session that the shift is measured from: the earliest held session (a term rarely opens with a break,
     * but if it does the break is not the first class), or the earliest session when none is held.
     */
    static LocalDate firstSession(List<SessionEntry> sessions) {
        Comparator<SessionEntry> byDate = Comparator.comparing(SessionEntry::date);
        List<SessionEntry> dated = sessions.stream().filter(s -> s != null && s.date() != null).toList();
        return dated.stream().filter(s -> s.kind() != SessionKind.NO_CLASS).min(byDate)
                .or(() -> dated.stream().min(byDate)).map(SessionEntry::date).orElse(null);
    }

    /** The file with its header replaced, its dates moved, and its breaks kept or left out (then renumbered). */
    static CourseFile moved(CourseFile f, CourseFile.Header header, LocalDate firstDay, boolean keepBreaks) {
        List<SessionEntry> sessions = f.sessions() == null ? List.of() : f.sessions();
        LocalDate first = firstSession(sessions);
        TermShift shift = first == null ? TermShift.none() : TermShift.of(first, firstDay);
        List<SessionEntry> kept = sessions.stream()
                .filter(s -> s == null || keepBreaks || s.kind() != SessionKind.NO_CLASS)
                .map(s -> s == null ? null : s.shifted(shift.days()))
                .toList();
        if (!keepBreaks) {
            // Numbers stay in their old order, without the gaps the breaks leave.
            List<SessionEntry> byNumber = kept.stream().filter(s -> s != null && s.number() != null)
                    .sorted(Comparator.comparing(SessionEntry::number)).toList();
            kept = java.util.stream.IntStream.range(0, byNumber.size()).mapToObj(i -> renumbered(byNumber.get(i), i + 1)).toList();
        }
        CourseFile.Policies p = f.policies();
        if (p != null && p.signupOpensAt() != null) {
            p = new CourseFile.Policies(p.critiquesRequired(), p.critiquesPerSession(), p.pagesPerCritique(), p.maxFileBytes(),
                    p.deadlineOffsetMinutes(), p.minTeamSize(), p.maxTeamSize(), p.presentationsPerStudent(), p.roleBlockSize(),
                    p.signupFreezeHours(), p.signupOpensAt().plusDays(shift.days()), p.latePolicy(), p.grading(), p.reminders());
        }
        return new CourseFile(f.format(), header, p, f.roles(), f.papers(), kept);
    }

    private static SessionEntry renumbered(SessionEntry s, int number) {
        return new SessionEntry(number, s.date(), s.start(), s.end(), s.kind(), s.topic(), s.location(), s.presentationSlots(),
                s.assigned(), s.additional());
    }
}
