package org.paperclub.course;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Commands.PaperCommand;
import org.paperclub.course.Commands.ReadingCommand;
import org.paperclub.course.Commands.SessionCommand;
import org.paperclub.course.CourseViews.PaperView;
import org.paperclub.course.CourseViews.ReadingView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.system.ETags.Tagged;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;
import org.paperclub.system.VersionedCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/** The schedule of a course: its sessions, its papers, and which papers are read for which session. */
@Singleton
public class ScheduleService {

    private final CourseService courses;
    private final SessionRepository sessions;
    private final PaperRepository papers;
    private final ReadingRepository readings;
    private final List<ScheduleGuard> guards;
    private final CourseRepository courseRows;
    private final JsonMapper json;
    private final ApplicationEventPublisher<SessionChanged> sessionChanges;
    private final Announcements announcements;
    /** The schedule's JSON per course, at the version of course.schedule_version it was made at. */
    private final VersionedCache<Long, Kept> kept = new VersionedCache<>(512);
    /** The schedule page's shared answer per course (course, roles, papers, sessions), at the same version. */
    private final VersionedCache<Long, Tagged> pages = new VersionedCache<>(512);

    /** One course's schedule as sent: the whole list and each session alone. */
    public record Kept(Tagged all, Map<Long, Tagged> byId) {
    }

    ScheduleService(CourseService courses, SessionRepository sessions, PaperRepository papers,
                    ReadingRepository readings, List<ScheduleGuard> guards, CourseRepository courseRows,
                    JsonMapper json, ApplicationEventPublisher<SessionChanged> sessionChanges, Announcements announcements) {
        this.courses = courses;
        this.sessions = sessions;
        this.papers = papers;
        this.readings = readings;
        this.guards = guards;
        this.courseRows = courseRows;
        this.json = json;
        this.sessionChanges = sessionChanges;
        this.announcements = announcements;
    }

    /**
     * The schedule as JSON, made once per version of what it shows ({@code version}, from
     * {@link CourseAccess.Admitted#scheduleVersion}, read before this call) and kept: every write below bumps the
     * version in its own transaction, so an instance never answers from what another instance's write changed.
     */
    public Kept keptSchedule(long courseId, long version) {
        return kept.get(courseId, version, () -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream(32 * 1024);
            Map<Long, Tagged> byId = new HashMap<>();
            all.write('[');
            for (SessionView view : schedule(courseId)) {
                byte[] one = bytes(view);
                if (!byId.isEmpty()) {
                    all.write(',');
                }
                all.writeBytes(one);
                byId.put(view.id(), Tagged.of(version, one));
            }
            all.write(']');
            return new Kept(Tagged.of(version, all.toByteArray()), Map.copyOf(byId));
        });
    }

    /**
     * What every member's schedule page shows, as one answer kept per version like the schedule: the course (without
     * the reader's role, which is per person: {@code /me} says it), its supporting roles, its papers, the newest
     * announcements and the sessions. Every write to the course row, its roles, papers, sessions or readings, and
     * every announcement, bumps the version.
     */
    public Tagged keptPage(long courseId, long version) {
        return pages.get(courseId, version, () -> {
            byte[] sessionsJson = keptSchedule(courseId, version).all().json();
            ByteArrayOutputStream out = new ByteArrayOutputStream(sessionsJson.length + 8 * 1024);
            out.writeBytes("{\"version\":".getBytes(UTF_8));
            out.writeBytes(Long.toString(version).getBytes(UTF_8));
            out.writeBytes(",\"course\":".getBytes(UTF_8));
            out.writeBytes(write(Argument.of(CourseViews.CourseView.class), CourseViews.CourseView.of(courses.get(courseId), null)));
            out.writeBytes(",\"roles\":".getBytes(UTF_8));
            out.writeBytes(write(Argument.listOf(CourseViews.RoleView.class), courses.roles(courseId)));
            out.writeBytes(",\"papers\":".getBytes(UTF_8));
            out.writeBytes(write(Argument.listOf(PaperView.class), papers(courseId)));
            out.writeBytes(",\"announcements\":".getBytes(UTF_8));
            out.writeBytes(write(Argument.of(Announcements.Page.class), announcements.newest(courseId, Announcements.ON_THE_PAGE)));
            out.writeBytes(",\"sessions\":".getBytes(UTF_8));
            out.writeBytes(sessionsJson);
            out.write('}');
            return Tagged.of(version, out.toByteArray());
        });
    }

    private <T> byte[] write(Argument<T> type, T value) {
        try {
            return json.writeValueAsBytes(type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One session as JSON, from the kept schedule; 404 when the course has no such session. */
    public Tagged keptSession(long courseId, long sessionId, long version) {
        Tagged one = keptSchedule(courseId, version).byId().get(sessionId);
        if (one == null) {
            throw ProblemException.notFound("This course has no session " + sessionId + ".");
        }
        return one;
    }

    private byte[] bytes(SessionView view) {
        try {
            return json.writeValueAsBytes(Argument.of(SessionView.class), view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Called by every write that changes what the schedule shows, in its transaction, after its writes. */
    private void changed(long courseId) {
        courseRows.scheduleChanged(courseId);
    }

    // Sessions

    /** All sessions in date order, each with its readings (assigned first, then additional, in listed order). */
    public List<SessionView> schedule(long courseId) {
        return schedule(courseId, papers.findByCourseIdOrderById(courseId));
    }

    /** The schedule and every paper of the course, reading the papers once (the gradebook of a course of 1,000 papers). */
    public record WithPapers(List<SessionView> schedule, List<PaperView> papers) {
    }

    public WithPapers scheduleWithPapers(long courseId) {
        List<Paper> all = papers.findByCourseIdOrderById(courseId);
        return new WithPapers(schedule(courseId, all), all.stream().map(PaperView::of).toList());
    }

    private List<SessionView> schedule(long courseId, List<Paper> coursePapers) {
        ZoneId zone = courses.get(courseId).zone();
        Map<Long, Paper> paperById = coursePapers.stream().collect(Collectors.toMap(Paper::id, Function.identity()));
        Map<Long, List<Reading>> readingsBySession = readings.findByCourse(courseId).stream()
                .collect(Collectors.groupingBy(Reading::sessionId));
        return sessions.findByCourseIdInDateOrder(courseId).stream()
                .map(s -> SessionView.of(s, zone, readingViews(readingsBySession.getOrDefault(s.id(), List.of()), paperById)))
                .toList();
    }

    public SessionView session(long courseId, long sessionId) {
        ClassSession s = requireSession(courseId, sessionId);
        Map<Long, Paper> paperById = papers.findByCourseIdOrderById(courseId).stream()
                .collect(Collectors.toMap(Paper::id, Function.identity()));
        return SessionView.of(s, courses.get(courseId).zone(),
                readingViews(readings.findBySessionIdOrderByPosition(sessionId), paperById));
    }

    public ClassSession requireSession(long courseId, long sessionId) {
        return sessions.findByIdAndCourseId(sessionId, courseId)
                .orElseThrow(() -> ProblemException.notFound("This course has no session " + sessionId + "."));
    }

    /**
     * Locks the session row until the calling transaction ends. Sign-ups take this lock first, so that the
     * capacity of a session's slots and seats is decided one request at a time, across app instances too.
     */
    public ClassSession lockSession(long courseId, long sessionId) {
        return sessions.lock(sessionId, courseId)
                .orElseThrow(() -> ProblemException.notFound("This course has no session " + sessionId + "."));
    }

    public List<ClassSession> sessions(long courseId) {
        return sessions.findByCourseIdInDateOrder(courseId);
    }

    /**
     * The courses holding a session on a day from {@code from} to {@code to} (each session's own date, in its
     * course's zone): what a job that looks only at the next days needs to read, instead of every course ever held.
     */
    public List<Long> coursesHoldingSessionsBetween(LocalDate from, LocalDate to) {
        return sessions.courseIdsHoldingSessionsBetween(from, to);
    }

    /** The papers assigned (not additional) to the session, whose critiques count. */
    public List<Long> assignedPaperIds(long sessionId) {
        return readings.findBySessionIdOrderByPosition(sessionId).stream().filter(r -> r.kind() == ReadingKind.ASSIGNED)
                .map(Reading::paperId).toList();
    }

    @Transactional
    public SessionView addSession(long courseId, SessionCommand command) {
        courses.get(courseId);
        int number = command.number() != null ? command.number()
                : sessions.findByCourseIdInDateOrder(courseId).stream()
                .mapToInt(ClassSession::number).max().orElse(0) + 1;
        if (sessions.existsByCourseIdAndNumber(courseId, number)) {
            throw ProblemException.conflict("This course already has a session number " + number + ".");
        }
        checkTimes(command);
        ClassSession saved = sessions.save(command.session(null, courseId, number, 0));
        changed(courseId);
        return session(courseId, saved.id());
    }

    @Transactional
    public SessionView updateSession(long courseId, long sessionId, SessionCommand command) {
        ClassSession old = requireSession(courseId, sessionId);
        int number = command.number() != null ? command.number() : old.number();
        if (sessions.existsByCourseIdAndNumberAndIdNotEqual(courseId, number, sessionId)) {
            throw ProblemException.conflict("This course already has a session number " + number + ".");
        }
        checkTimes(command);
        ClassSession updated = sessions.update(command.session(old.id(), courseId, number, old.presentationSlots()));
        changed(courseId);
        SessionChanged change = new SessionChanged(courseId, old, updated);
        if (change.matters()) {
            sessionChanges.publishEvent(change);
        }
        return session(courseId, sessionId);
    }

    /** Deletes a session and its reading placements, unless another feature holds work on it (then 409). */
    @Transactional
    public void deleteSession(long courseId, long sessionId) {
        ClassSession s = requireSession(courseId, sessionId);
        List<String> held = new ArrayList<>();
        guards.forEach(g -> held.addAll(g.heldOnSession(sessionId)));
        if (!held.isEmpty()) {
            throw ProblemException.conflict("Session " + s.number() + " cannot be deleted: it has " + String.join(", ", held)
                    + ". Cancel it instead (kind NO_CLASS) to keep them.");
        }
        readings.deleteAll(readings.findBySessionIdOrderByPosition(sessionId));
        sessions.delete(s);
        changed(courseId);
    }

    private static void checkTimes(SessionCommand command) {
        if (!command.problems().isEmpty()) {
            throw ProblemException.invalid("A session must end after it starts.", command.problems());
        }
    }

    // Papers

    public List<PaperView> papers(long courseId) {
        courses.get(courseId);
        return papers.findByCourseIdOrderById(courseId).stream().map(PaperView::of).toList();
    }

    public PaperView paper(long courseId, long paperId) {
        return PaperView.of(requirePaper(courseId, paperId));
    }

    public Paper requirePaper(long courseId, long paperId) {
        return papers.findByIdAndCourseId(paperId, courseId)
                .orElseThrow(() -> ProblemException.notFound("This course has no paper " + paperId + "."));
    }

    @Transactional
    public PaperView addPaper(long courseId, PaperCommand command) {
        courses.get(courseId);
        String key = command.key() != null && !command.key().isBlank() ? command.key() : freeKey(courseId, command);
        if (papers.existsByCourseIdAndKey(courseId, key)) {
            throw ProblemException.conflict("This course already has a paper with the key \"" + key + "\".");
        }
        PaperView added = PaperView.of(papers.save(paperOf(null, courseId, key, command)));
        changed(courseId);
        return added;
    }

    @Transactional
    public PaperView updatePaper(long courseId, long paperId, PaperCommand command) {
        Paper old = requirePaper(courseId, paperId);
        String key = command.key() != null && !command.key().isBlank() ? command.key() : old.key();
        if (papers.existsByCourseIdAndKeyAndIdNotEqual(courseId, key, paperId)) {
            throw ProblemException.conflict("This course already has a paper with the key \"" + key + "\".");
        }
        PaperView updated = PaperView.of(papers.update(paperOf(paperId, courseId, key, command)));
        changed(courseId);   // a reading shows its paper
        return updated;
    }

    /** A paper still placed on a session, or holding other work, is not deleted: the reply says where it is. */
    @Transactional
    public void deletePaper(long courseId, long paperId) {
        Paper paper = requirePaper(courseId, paperId);
        List<String> held = new ArrayList<>();
        long placements = readings.countByPaperId(paperId);
        if (placements > 0) {
            held.add(placements == 1 ? "a place on a session's readings" : placements + " places on sessions' readings");
        }
        guards.forEach(g -> held.addAll(g.heldOnPaper(paperId)));
        if (!held.isEmpty()) {
            throw ProblemException.conflict("\"" + paper.title() + "\" cannot be deleted: it has " + String.join(", ", held)
                    + ". Remove it from the sessions first.");
        }
        papers.delete(paper);
        changed(courseId);
    }

    private static Paper paperOf(Long id, long courseId, String key, PaperCommand c) {
        if (!c.problems().isEmpty()) {
            throw ProblemException.invalid("The paper's link " + PaperLinks.RULE + ".", c.problems());
        }
        return c.paper(id, courseId, key);
    }

    /** "vaswani2017", then "vaswani2017b", ... : readable keys for papers added by hand. */
    private String freeKey(long courseId, PaperCommand c) {
        String base = slug(c.authors() != null && !c.authors().isBlank() ? surname(c.authors()) : c.title());
        if (base.length() > 60) {
            base = base.substring(0, 60);
        }
        base = (base.isEmpty() ? "paper" : base) + (c.year() == null ? "" : c.year().toString());
        String key = base;
        for (char suffix = 'b'; papers.existsByCourseIdAndKey(courseId, key); suffix++) {
            key = base + (suffix <= 'z' ? String.valueOf(suffix) : "-" + (suffix - 'a'));
        }
        return key;
    }

    /** "Vaswani et al." and "A. Vaswani, N. Shazeer" give "Vaswani"; "Tri Dao and Albert Gu" gives "Dao". */
    static String surname(String authors) {
        String first = authors.split(",|;| and | & ")[0].replace("et al.", "").replace("et al", "").trim();
        String[] words = first.split("\\s+");
        return words[words.length - 1];
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    /** How the paper is read in the session, if it is placed there. */
    public Optional<ReadingKind> readingKind(long sessionId, long paperId) {
        return readings.findBySessionIdAndPaperId(sessionId, paperId).map(Reading::kind);
    }

    // Readings

    @Transactional
    public SessionView addReading(long courseId, long sessionId, ReadingCommand command) {
        requireSession(courseId, sessionId);
        requirePaper(courseId, command.paperId());
        ReadingKind kind = command.kind() == null ? ReadingKind.ASSIGNED : command.kind();
        readings.findBySessionIdAndPaperId(sessionId, command.paperId()).ifPresentOrElse(
                existing -> readings.update(new Reading(existing.id(), sessionId, command.paperId(), kind, existing.position())),
                () -> readings.save(new Reading(null, sessionId, command.paperId(), kind, readings.maxPosition(sessionId) + 1)));
        changed(courseId);
        return session(courseId, sessionId);
    }

    @Transactional
    public void removeReading(long courseId, long sessionId, long paperId) {
        requireSession(courseId, sessionId);
        Reading reading = readings.findBySessionIdAndPaperId(sessionId, paperId)
                .orElseThrow(() -> ProblemException.notFound("That paper is not a reading of this session."));
        readings.delete(reading);
        changed(courseId);
    }

    /** For each session of the course, the papers placed on it (either kind). */
    public Map<Long, List<Long>> readingPaperIds(long courseId) {
        return readings.findByCourse(courseId).stream().collect(Collectors.groupingBy(Reading::sessionId,
                Collectors.mapping(Reading::paperId, Collectors.toList())));
    }

    private static List<ReadingView> readingViews(List<Reading> list, Map<Long, Paper> paperById) {
        return list.stream()
                .sorted(Comparator.comparing(Reading::kind).thenComparing(Reading::position).thenComparing(Reading::id))
                .map(r -> new ReadingView(r.paperId(), r.kind(), PaperView.of(paperById.get(r.paperId()))))
                .toList();
    }
}
