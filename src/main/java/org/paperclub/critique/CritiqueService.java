package org.paperclub.critique;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.CourseViews;
import org.paperclub.course.LatePolicy;
import org.paperclub.course.Paper;
import org.paperclub.course.ReadingKind;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.notify.Notice;
import org.paperclub.notify.NoticeKind;
import org.paperclub.notify.Notices;
import org.paperclub.system.Dates;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Sha256;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Critique uploads: every check of README's "Critiques" in order, all failures reported together, and an accepted file
 * stored with its record in one transaction. The student's enrollment row is locked for the upload, so their
 * parallel uploads are judged one after another; the unique keys of V3 are the last guard.
 */
@Singleton
class CritiqueService {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final PeopleService people;
    private final PdfInspector inspector;
    private final CritiqueRepository critiques;
    private final CritiqueVersionRepository versions;
    private final CritiqueFileRepository files;
    private final ExtensionRepository extensions;
    private final Notices notices;
    private final Clock clock;

    CritiqueService(CourseService courses, ScheduleService schedule, PeopleService people, PdfInspector inspector,
                    CritiqueRepository critiques, CritiqueVersionRepository versions, CritiqueFileRepository files,
                    ExtensionRepository extensions, Notices notices, Clock clock) {
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.inspector = inspector;
        this.critiques = critiques;
        this.versions = versions;
        this.files = files;
        this.extensions = extensions;
        this.notices = notices;
        this.clock = clock;
    }

    record Upload(long sessionId, long paperId, String fileName, byte[] content) {
    }

    @Transactional
    CritiqueViews.Receipt upload(long courseId, long actorId, CourseRole actorRole, long studentId, Upload upload) {
        Instant now = clock.instant();
        Course course = courses.get(courseId);
        boolean tooLarge = upload.content().length > course.maxFileBytes();
        // The file is checked on the inspector's pool while the rules below read the database.
        try (PdfInspector.Pending inspection = tooLarge ? null : inspector.start(upload.content(), course.pagesPerCritique())) {
            return upload(courseId, actorId, studentId, upload, now, course, inspection);
        }
    }

    private CritiqueViews.Receipt upload(long courseId, long actorId, long studentId, Upload upload, Instant now, Course course,
                                         PdfInspector.Pending inspection) {
        CourseRole role = people.lockEnrollment(courseId, studentId)
                .orElseThrow(() -> ProblemException.notFound("That student is not enrolled in this course."));
        if (role != CourseRole.STUDENT) {
            throw ProblemException.invalid("Only students hand in critiques.", List.of(new Violation("studentId", "is not a student")));
        }
        List<Violation> failures = new ArrayList<>();
        ClassSession session = schedule.requireSession(courseId, upload.sessionId());
        Paper paper = schedule.requirePaper(courseId, upload.paperId());
        if (!session.held()) {
            failures.add(new Violation("sessionId", "Session " + session.number() + " is cancelled; there is nothing to hand in for it."));
        }
        if (schedule.readingKind(session.id(), paper.id()).orElse(null) != ReadingKind.ASSIGNED) {
            failures.add(new Violation("paperId", "“" + paper.title() + "” is not an assigned reading of session " + session.number() + "."));
        }
        List<Critique> mine = critiques.findByCourseIdAndStudentId(courseId, studentId);
        Critique existing = mine.stream().filter(c -> c.sessionId().equals(session.id()) && c.paperId().equals(paper.id()))
                .findFirst().orElse(null);

        // Deadline and late policy: grace already spent counts the latest version of each other critique.
        ZonedDateTime due = deadline(course, session, studentId);
        LatePolicy policy = course.policies().latePolicy();
        List<CritiqueVersion> spentOn = DeadlineRules.hasGrace(policy) && !mine.isEmpty()
                ? versions.findByCritiqueIdInOrderByVersion(mine.stream().map(Critique::id).toList()) : List.of();
        int graceLeft = DeadlineRules.graceLeft(policy, spentOn, existing == null ? null : existing.id());
        DeadlineRules.Timing timing = DeadlineRules.judge(now, due, policy, graceLeft, course.zone());
        if (!timing.accepted()) {
            failures.add(new Violation("deadline", timing.summary()));
        }

        int place = existing == null ? 0 : existing.place();
        if (existing == null) {
            List<Critique> inSession = mine.stream().filter(c -> c.sessionId().equals(session.id())).toList();
            place = CritiqueRules.freePlace(course, inSession.stream().map(Critique::place).collect(Collectors.toSet()));
            if (place == 0) {
                failures.add(new Violation("sessionId", CritiqueRules.sessionFull(course, session, inSession.stream()
                        .map(c -> schedule.requirePaper(courseId, c.paperId()).title()).toList())));
            }
        }

        PdfInspector.Inspection file = inspection == null
                ? PdfInspector.Inspection.refused("The file is " + megabytes(upload.content().length) + "; the limit is "
                + megabytes(course.maxFileBytes()) + ".")
                : inspection.result();
        file.failures().forEach(f -> failures.add(new Violation("file", f)));
        if (!failures.isEmpty()) {
            throw ProblemException.invalid(failures.size() == 1 ? "The critique was not accepted: " + failures.get(0).message()
                    : "The critique was not accepted: " + failures.size() + " checks failed.", failures);
        }

        Critique item = existing != null ? existing
                : critiques.save(new Critique(null, courseId, session.id(), paper.id(), studentId, place, now));
        // A new critique's first version is 1: the question to the database is for a re-upload only.
        int version = existing == null ? 1 : versions.lastVersion(item.id()) + 1;
        String warnings = file.warnings().isEmpty() ? null : String.join("\n", file.warnings());
        CritiqueVersion saved = versions.save(new CritiqueVersion(null, item.id(), version, now, actorId, safeName(upload.fileName()),
                Sha256.hex(upload.content()), upload.content().length, file.pages(), file.words(), timing.minutesLate(),
                timing.graceSpent(), timing.keepPercent(), timing.summary(), warnings));
        files.save(new CritiqueFile(saved.id(), upload.content()));
        int accepted = (int) mine.stream().map(Critique::id).distinct().count() + (existing == null ? 1 : 0);
        String onBehalf = actorId == studentId ? null : people.user(actorId).map(u -> u.name()).orElse("staff");
        return new CritiqueViews.Receipt(item.id(), saved.id(), version, now, saved.sha256(), saved.sizeBytes(), saved.pages(),
                saved.words(), timing.late(), timing.minutesLate(), timing.graceSpent(), timing.keepPercent(), timing.summary(),
                file.warnings(), onBehalf, accepted, course.critiquesRequired());
    }

    ZonedDateTime deadline(Course course, ClassSession session, long studentId) {
        return DeadlineRules.deadline(course, session, extensions.findByCourseIdAndStudentId(course.id(), studentId));
    }

    @Transactional(readOnly = true)
    List<CritiqueViews.CritiqueView> list(long courseId, Long studentId, Long sessionId) {
        List<Critique> items = studentId != null ? critiques.findByCourseIdAndStudentId(courseId, studentId) : critiques.findByCourseId(courseId);
        if (sessionId != null) {
            items = items.stream().filter(c -> c.sessionId().equals(sessionId)).toList();
        }
        if (items.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CritiqueVersion>> byItem = versions.findByCritiqueIdInOrderByVersion(items.stream().map(Critique::id).toList())
                .stream().collect(Collectors.groupingBy(CritiqueVersion::critiqueId));
        Map<Long, String> names = people.namesOf(courseId);
        Map<Long, ClassSession> sessions = schedule.sessions(courseId).stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        Map<Long, List<Long>> readings = schedule.readingPaperIds(courseId);
        return items.stream()
                .sorted(Comparator.comparing((Critique c) -> sessions.get(c.sessionId()).number()).thenComparing(org.paperclub.system.NaturalOrder.by(c -> names.getOrDefault(c.studentId(), ""))))
                .map(c -> {
                    ClassSession s = sessions.get(c.sessionId());
                    List<String> notes = new ArrayList<>();
                    if (!s.held()) {
                        notes.add("Session " + s.number() + " was cancelled after this critique was handed in; it still counts.");
                    }
                    if (!readings.getOrDefault(s.id(), List.of()).contains(c.paperId())) {
                        notes.add("The paper has since left this session's readings; the critique still counts.");
                    }
                    return new CritiqueViews.CritiqueView(c.id(), c.studentId(), names.get(c.studentId()), s.id(), s.number(),
                            c.paperId(), schedule.requirePaper(courseId, c.paperId()).title(),
                            byItem.getOrDefault(c.id(), List.of()).stream().map(v -> versionView(v, c.studentId())).toList(), notes);
                })
                .toList();
    }

    /** The student's count toward the term's total and every assigned session's deadline for them. */
    @Transactional(readOnly = true)
    CritiqueViews.Progress progress(long courseId, long studentId) {
        Course course = courses.get(courseId);
        List<Critique> mine = critiques.findByCourseIdAndStudentId(courseId, studentId);
        Map<Long, List<Long>> readings = schedule.readingPaperIds(courseId);
        Instant now = clock.instant();
        List<CritiqueViews.Deadline> deadlines = new ArrayList<>();
        for (ClassSession s : schedule.sessions(courseId)) {
            List<Long> assigned = readings.getOrDefault(s.id(), List.of()).stream()
                    .filter(p -> schedule.readingKind(s.id(), p).orElse(null) == ReadingKind.ASSIGNED).toList();
            if (!s.held() || assigned.isEmpty()) {
                continue;
            }
            ZonedDateTime due = deadline(course, s, studentId);
            Long critiqued = mine.stream().filter(c -> c.sessionId().equals(s.id())).map(Critique::paperId).findFirst().orElse(null);
            deadlines.add(new CritiqueViews.Deadline(s.id(), s.number(), s.topic(), due.toOffsetDateTime(), now.isAfter(due.toInstant()),
                    assigned, critiqued));
        }
        return new CritiqueViews.Progress(studentId, mine.size(), course.critiquesRequired(), deadlines);
    }

    /**
     * What a student has to hand in and has handed in, session by session, with the late policy's verdict for an upload
     * now (DeadlineRules, the same functions the upload is judged by) and the grace budget they have left.
     */
    CritiqueLedger.MyCritiques mine(Course course, long studentId) {
        long courseId = course.id();
        Instant now = clock.instant();
        LatePolicy policy = course.policies().latePolicy();
        List<Critique> mine = critiques.findByCourseIdAndStudentId(courseId, studentId);
        List<CritiqueVersion> all = mine.isEmpty() ? List.of() : versions.findByCritiqueIdInOrderByVersion(mine.stream().map(Critique::id).toList());
        Map<Long, CritiqueVersion> latest = all.stream().collect(Collectors.toMap(CritiqueVersion::critiqueId, Function.identity(),
                (a, b) -> a.version() >= b.version() ? a : b));
        List<Extension> granted = extensions.findByCourseIdAndStudentId(courseId, studentId);
        int graceLeft = DeadlineRules.graceLeft(policy, all, null);
        Map<Long, String> titles = new java.util.HashMap<>();
        List<CritiqueLedger.MyDue> due = new ArrayList<>();
        Map<Long, ClassSession> byId = schedule.sessions(courseId).stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        for (CourseViews.SessionView s : schedule.schedule(courseId)) {
            List<Critique> here = mine.stream().filter(c -> c.sessionId().equals(s.id())).toList();
            List<CritiqueLedger.PaperRef> assigned = s.readings().stream().filter(r -> r.kind() == ReadingKind.ASSIGNED)
                    .map(r -> new CritiqueLedger.PaperRef(r.paperId(), r.paper().title())).toList();
            s.readings().forEach(r -> titles.put(r.paperId(), r.paper().title()));
            boolean held = s.kind() != org.paperclub.course.SessionKind.NO_CLASS;
            if ((!held || assigned.isEmpty()) && here.isEmpty()) {
                continue;
            }
            ZonedDateTime deadline = DeadlineRules.deadline(course, byId.get(s.id()), granted);
            int hours = granted.stream().filter(e -> e.sessionId() == null || e.sessionId().equals(s.id())).mapToInt(Extension::hours).sum();
            DeadlineRules.Timing ifNow = DeadlineRules.judge(now, deadline, policy, graceLeft, course.zone());
            List<CritiqueLedger.MyItem> items = here.stream().filter(c -> latest.containsKey(c.id())).map(c -> {
                CritiqueVersion v = latest.get(c.id());
                String title = titles.computeIfAbsent(c.paperId(), id -> schedule.requirePaper(courseId, id).title());
                return new CritiqueLedger.MyItem(c.id(), c.paperId(), title, v.uploadedAt(), v.minutesLate() > 0, v.timing());
            }).toList();
            due.add(new CritiqueLedger.MyDue(s.id(), s.number(), s.topic(), deadline.toOffsetDateTime(), now.isAfter(deadline.toInstant()),
                    hours, assigned, items, held && items.size() < course.critiquesPerSession(), held && ifNow.accepted(), ifNow.summary()));
        }
        LatePolicy.Grace grace = DeadlineRules.hasGrace(policy) ? policy.grace() : null;
        return new CritiqueLedger.MyCritiques(mine.size(), course.critiquesRequired(), course.critiquesPerSession(),
                grace == null ? null : grace.unit(), grace == null ? 0 : grace.budget(), graceLeft, due);
    }

    /**
     * The version and the course it belongs to, for the download's permission check; the file itself is read only
     * once that has passed ({@link StoredFiles}, in chunks).
     */
    record Download(long courseId, long studentId, CritiqueVersion version) {
    }

    @Transactional(readOnly = true)
    Download download(long versionId) {
        CritiqueVersion v = versions.findById(versionId).orElseThrow(() -> ProblemException.notFound("There is no critique file " + versionId + "."));
        Critique c = critiques.findById(v.critiqueId()).orElseThrow();
        return new Download(c.courseId(), c.studentId(), v);
    }

    /** The latest version of a critique of the course, for reading it while grading. */
    @Transactional(readOnly = true)
    Download latest(long courseId, long critiqueId) {
        Critique c = critiques.findById(critiqueId).filter(x -> x.courseId() == courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no critique " + critiqueId + " in this course."));
        List<CritiqueVersion> vs = versions.findByCritiqueIdInOrderByVersion(List.of(critiqueId));
        if (vs.isEmpty()) {
            throw ProblemException.notFound("There is no critique " + critiqueId + " in this course.");
        }
        return new Download(c.courseId(), c.studentId(), vs.get(vs.size() - 1));
    }

    @Transactional
    CritiqueViews.ExtensionView grant(long courseId, long staffId, long studentId, Long sessionId, int hours, String reason) {
        if (people.roleIn(studentId, courseId).orElse(null) != CourseRole.STUDENT) {
            throw ProblemException.invalid("Extensions are for students of this course.", List.of(new Violation("studentId", "is not a student here")));
        }
        ClassSession session = sessionId == null ? null : schedule.requireSession(courseId, sessionId);
        Extension e = extensions.save(new Extension(null, courseId, studentId, sessionId, hours, reason, staffId, clock.instant()));
        notices.post(extended(courses.get(courseId), session, studentId, hours, reason), List.of(studentId));
        return new CritiqueViews.ExtensionView(e.id(), studentId, sessionId, hours, reason, e.grantedAt());
    }

    /** The student's notice of an extension: for one session with the new deadline, all extensions counted. */
    private Notice extended(Course course, ClassSession session, long studentId, int hours, String reason) {
        String why = reason == null || reason.isBlank() ? "" : " Reason: " + reason.strip();
        String more = hours == 1 ? "1 more hour" : hours + " more hours";
        String link = "/#/courses/" + course.id() + "/critiques";
        if (session == null) {
            return new Notice(NoticeKind.EXTENSION_GRANTED, course.id(), "Extension granted: every critique of the term",
                    "You have " + more + " for each critique of the term, on top of its deadline." + why, link, null);
        }
        ZonedDateTime due = deadline(course, session, studentId);
        return new Notice(NoticeKind.EXTENSION_GRANTED, course.id(), "Extension granted: Session " + session.number(),
                "You have " + more + " for your critiques of session " + session.number() + ": they are now due "
                        + Dates.WHEN.format(due) + "." + why, link, due.toInstant());
    }

    @Transactional(readOnly = true)
    List<CritiqueViews.ExtensionView> extensions(long courseId, Long studentId) {
        return (studentId == null ? extensions.findByCourseId(courseId) : extensions.findByCourseIdAndStudentId(courseId, studentId))
                .stream().map(e -> new CritiqueViews.ExtensionView(e.id(), e.studentId(), e.sessionId(), e.hours(), e.reason(), e.grantedAt()))
                .toList();
    }

    private static CritiqueViews.VersionView versionView(CritiqueVersion v, long studentId) {
        return new CritiqueViews.VersionView(v.id(), v.version(), v.uploadedAt(), v.sha256(), v.sizeBytes(), v.pages(), v.words(),
                v.minutesLate() > 0, v.minutesLate(), v.graceSpent(), v.keepPercent(), v.timing(),
                v.warnings() == null ? List.of() : List.of(v.warnings().split("\n")), v.uploadedBy() != studentId);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replaceAll("[\\\\/]", "_").replaceAll("[\\p{Cntrl}\"]", "");
        return base.length() > CritiqueController.MAX_FILE_NAME ? base.substring(0, CritiqueController.MAX_FILE_NAME) : base;
    }
}
