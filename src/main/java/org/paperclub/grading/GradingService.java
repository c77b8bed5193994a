package org.paperclub.grading;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.notify.Notice;
import org.paperclub.notify.NoticeKind;
import org.paperclub.notify.Notices;
import org.paperclub.grading.GradingViews.GradeView;
import org.paperclub.grading.GradingViews.RegradeView;
import org.paperclub.grading.Repositories.GradeEventRepository;
import org.paperclub.grading.Repositories.GradeRepository;
import org.paperclub.grading.Repositories.RegradeRepository;
import org.paperclub.people.PeopleService;
import org.paperclub.signup.SignupLedger;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Dates;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Grading, publishing and regrades. A grade is written per student, so that a team's grade can later differ
 * member by member; every change leaves an audit line (who, when, old → new) in the same transaction.
 */
@Singleton
class GradingService {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final SignupLedger signups;
    private final PeopleService people;
    private final CritiqueLedger critiques;
    private final GradeRepository grades;
    private final GradeEventRepository events;
    private final RegradeRepository regrades;
    private final GradeReport report;
    private final Notices notices;
    private final Clock clock;
    private final ApplicationEventPublisher<GradesPublished> published;

    GradingService(CourseService courses, ScheduleService schedule, SignupLedger signups, PeopleService people,
                   CritiqueLedger critiques, GradeRepository grades, GradeEventRepository events, RegradeRepository regrades,
                   GradeReport report, Notices notices, Clock clock, ApplicationEventPublisher<GradesPublished> published) {
        this.courses = courses;
        this.schedule = schedule;
        this.signups = signups;
        this.people = people;
        this.critiques = critiques;
        this.grades = grades;
        this.events = events;
        this.regrades = regrades;
        this.report = report;
        this.notices = notices;
        this.clock = clock;
        this.published = published;
    }

    /** What a grader sends: points or a mark (as the scale asks), a comment, and for a team a member or everyone. */
    record Entry(@Nullable Double points, @Nullable String mark, @Nullable String comment, @Nullable Long studentId) {
    }

    @Transactional
    List<GradeView> gradeTeam(long courseId, long actorId, long presentationId, Entry entry) {
        SignupLedger.Team team = signups.team(courseId, presentationId)
                .orElseThrow(() -> ProblemException.notFound("There is no presentation " + presentationId + " in this course."));
        requireHeld(courseId, team.sessionId(), "presentation");
        List<Long> who = whom(courseId, GradeKind.PRESENTATION, team.sessionId(), team.paperId(), team.memberIds(), entry, "on this team");
        return save(courseId, actorId, GradeKind.PRESENTATION, team.sessionId(), team.paperId(), who, entry, "Presentations", null);
    }

    @Transactional
    List<GradeView> gradeRole(long courseId, long actorId, long sessionId, long roleId, Entry entry) {
        requireHeld(courseId, sessionId, "supporting role");
        courses.role(courseId, roleId);
        List<Long> holders = signups.holders(sessionId, roleId);
        List<Long> who = whom(courseId, GradeKind.ROLE, sessionId, roleId, holders, entry, "holding this role in this session");
        return save(courseId, actorId, GradeKind.ROLE, sessionId, roleId, who, entry, "Supporting roles", null);
    }

    @Transactional
    List<GradeView> gradeCritique(long courseId, long actorId, long critiqueId, Entry entry) {
        CritiqueLedger.HandedIn c = critiques.handedIn(courseId, critiqueId)
                .orElseThrow(() -> ProblemException.notFound("There is no critique " + critiqueId + " in this course."));
        if (entry.studentId() != null && entry.studentId() != c.studentId()) {
            throw ProblemException.invalid("A critique is graded for the student who wrote it.",
                    List.of(new Violation("studentId", "is not the author of this critique")));
        }
        return save(courseId, actorId, GradeKind.CRITIQUE, c.sessionId(), c.paperId(), List.of(c.studentId()), entry, "Critiques",
                c.uploadedAt());
    }

    /**
     * A presentation or a role is work done in class: until the session has started there is nothing to grade. (A
     * critique is handed in before class, so it is graded once it exists, whenever that is.)
     */
    private void requireHeld(long courseId, long sessionId, String what) {
        ClassSession session = schedule.requireSession(courseId, sessionId);
        ZonedDateTime starts = session.startsAt(courses.get(courseId).zone());
        if (clock.instant().isBefore(starts.toInstant())) {
            throw ProblemException.invalid("Session " + session.number() + " has not happened yet, so its " + what + " cannot be "
                    + "graded; it can be graded from " + Dates.WHEN.format(starts) + ", when the session starts.",
                    List.of(new Violation("sessionId", "session " + session.number() + " starts " + Dates.WHEN.format(starts))));
        }
    }

    /**
     * Everyone on the item, or the one student named. A student who left the item (a flagged grade) may still be
     * regraded by name, so that staff can correct a grade they keep.
     */
    private List<Long> whom(long courseId, GradeKind kind, long sessionId, long subjectId, List<Long> current, Entry entry,
                            String where) {
        if (entry.studentId() == null) {
            if (current.isEmpty()) {
                throw ProblemException.conflict("Nobody is " + where + " any more, so there is nobody to grade.");
            }
            return current;
        }
        long student = entry.studentId();
        boolean graded = grades.findByKindAndSessionIdAndStudentIdAndSubjectId(kind, sessionId, student, subjectId)
                .filter(g -> g.courseId() == courseId).isPresent();
        if (!current.contains(student) && !graded) {
            throw ProblemException.invalid("That student is not " + where + ".", List.of(new Violation("studentId", "is not " + where)));
        }
        return List.of(student);
    }

    /** @param itemChangedAt when the item last changed (a critique's latest upload): a grade older than that is confirmed */
    private List<GradeView> save(long courseId, long actorId, GradeKind kind, long sessionId, long subjectId, List<Long> students,
                                 Entry entry, String what, @Nullable Instant itemChangedAt) {
        GradingPolicy.Scale scale = kind.scaleIn(courses.get(courseId).policies().gradingOrDefaults());
        GradeScaleRules.Value value = GradeScaleRules.read(scale, entry.points(), entry.mark(), what);
        String comment = entry.comment() == null || entry.comment().isBlank() ? null : entry.comment().strip();
        // Two graders saving the same item at once are taken one after the other: each student's enrollment row is
        // locked (in student id order, so that two team grades cannot deadlock), and the later save updates the
        // earlier one. The grade rows are locked too, as publishing, removing and answering a regrade lock them, and
        // in grade id order as publishing does: in team order, a save and a publish could each wait for the other.
        students.stream().sorted().forEach(student -> people.lockEnrollment(courseId, student));
        Map<Long, Grade> locked = new HashMap<>();
        students.stream()
                .flatMap(student -> grades.findByKindAndSessionIdAndStudentIdAndSubjectId(kind, sessionId, student, subjectId).stream())
                .map(Grade::id).sorted()
                .forEach(id -> grades.lock(id).ifPresent(g -> locked.put(g.studentId(), g)));
        ClassSession session = schedule.requireSession(courseId, sessionId);
        Instant now = clock.instant();   // after the locks: the audit's times follow the order the changes take effect
        List<Grade> saved = new ArrayList<>();
        for (long student : students) {
            Grade old = locked.get(student);
            if (old == null) {
                if (!session.held()) {
                    throw ProblemException.conflict("Session " + session.number() + " was cancelled; nothing new is graded in it "
                            + "(grades given before it was cancelled can still be changed).");
                }
                Grade g = grades.save(new Grade(null, courseId, sessionId, student, kind, subjectId, value.points(),
                        scale.maxPoints(), value.mark(), comment, actorId, now, null));
                audit(g, actorId, now, "GRADED", null, g.value(), comment == null ? "Graded." : "Graded, with a comment.");
                saved.add(g);
            } else if (old.points() != value.points() || old.maxPoints() != scale.maxPoints() || !Objects.equals(old.mark(), value.mark())
                    || !Objects.equals(old.comment(), comment)) {
                Grade g = grades.update(old.regraded(value.points(), scale.maxPoints(), value.mark(), comment, actorId, now));
                audit(g, actorId, now, "CHANGED", old.value(), g.value(),
                        Objects.equals(old.comment(), comment) ? "Grade changed." : "Grade or comment changed.");
                saved.add(g);
            } else if (itemChangedAt != null && itemChangedAt.isAfter(old.gradedAt())) {
                // The same grade saved for a critique handed in again since: the grader has looked at the new version.
                Grade g = grades.update(old.regraded(old.points(), old.maxPoints(), old.mark(), old.comment(), actorId, now));
                audit(g, actorId, now, "CONFIRMED", old.value(), g.value(), "Grade kept for the critique's new version.");
                saved.add(g);
            } else {
                saved.add(old);
            }
        }
        // A published grade changed is visible at once, so it goes wherever published grades go (the LMS) at once too.
        List<Long> changedPublished = saved.stream().filter(g -> g.publishedAt() != null && !locked.containsValue(g))
                .map(Grade::studentId).distinct().toList();
        if (!changedPublished.isEmpty()) {
            published.publishEvent(new GradesPublished(courseId, changedPublished));
        }
        GradeReport.State st = report.session(courseId, sessionId, saved);
        return saved.stream().map(st::view).toList();
    }

    @Transactional
    void remove(long courseId, long actorId, long gradeId) {
        Grade g = grades.lock(gradeId).filter(x -> x.courseId() == courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no grade " + gradeId + " in this course."));
        if (regrades.findByGradeId(gradeId).stream().anyMatch(RegradeRequest::open)) {
            throw ProblemException.conflict("This grade has an open regrade request; answer it before removing the grade.");
        }
        grades.delete(g);
        audit(g, actorId, clock.instant(), "REMOVED", g.value(), null, "Grade removed.");
        if (g.publishedAt() != null) {
            published.publishEvent(new GradesPublished(courseId, List.of(g.studentId())));
        }
    }

    /** Publishes the session's draft grades: their students see them from now, and the regrade window opens. */
    @Transactional
    int publish(long courseId, long actorId, long sessionId) {
        ClassSession s = schedule.requireSession(courseId, sessionId);
        // The drafts are locked while they are published, so that a grade changed at the same moment is published
        // as changed (or stays a draft), never written back with its old value.
        List<Grade> drafts = grades.lockDrafts(s.id());
        Instant now = clock.instant();
        drafts.forEach(g -> audit(g, actorId, now, "PUBLISHED", g.value(), g.value(), "Published to the student."));
        if (drafts.isEmpty()) {
            return 0;
        }
        // One notice per student of this publish, however many of their grades it holds; a grade changed after it was
        // published is visible at once and not announced again, so publishing with no drafts tells nobody anything.
        notices.post(new Notice(NoticeKind.GRADE_PUBLISHED, courseId, "Grades published: Session " + s.number(),
                "Your grades for session " + s.number() + " (" + s.topic() + ") are published. If one looks wrong, you can ask "
                        + "for a regrade on your grades page.", "/#/courses/" + courseId + "/my-grades", null),
                drafts.stream().map(Grade::studentId).distinct().toList());
        int count = grades.publishDrafts(s.id(), now);
        published.publishEvent(new GradesPublished(courseId, drafts.stream().map(Grade::studentId).distinct().toList()));
        return count;
    }

    // Regrades

    @Transactional
    RegradeView fileRegrade(long courseId, long studentId, long gradeId, String reason) {
        // Locked, so that staff cannot remove the grade while the request is being filed.
        Grade g = grades.lock(gradeId).filter(x -> x.courseId() == courseId && x.studentId() == studentId && x.publishedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("You have no published grade " + gradeId + " in this course."));
        Course course = courses.get(courseId);
        Instant now = clock.instant();
        RegradeRules.requireOpen(course.policies().gradingOrDefaults(), g.publishedAt(), now, course.zone());
        if (regrades.findByGradeId(gradeId).stream().anyMatch(RegradeRequest::open)) {
            throw ProblemException.conflict("You already asked for a regrade of this grade; wait for the answer.");
        }
        RegradeRequest r = regrades.save(new RegradeRequest(null, courseId, gradeId, studentId, reason.strip(), now, gradeId,
                null, null, null, null, null));
        audit(g, studentId, now, "REGRADE_ASKED", g.value(), null, "Regrade requested: " + r.reason());
        return regradeView(courseId, r);
    }

    @Transactional
    RegradeView answerRegrade(long courseId, long actorId, long requestId, String answer, @Nullable Double points, @Nullable String mark) {
        RegradeRequest r = regrades.lock(requestId).filter(x -> x.courseId() == courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no regrade request " + requestId + " in this course."));
        if (!r.open()) {
            throw ProblemException.conflict("This regrade request was already answered.");
        }
        Grade g = grades.lock(r.gradeId()).orElse(null);
        Instant now = clock.instant();
        if (g == null) {
            // Cannot happen while removing a grade with an open request is refused; closed rather than left open forever.
            return regradeView(courseId, regrades.update(r.answered(answer.strip() + " (The grade had been removed.)", actorId, now,
                    null, null)));
        }
        String before = g.value();
        String after = before;
        if (points != null || (mark != null && !mark.isBlank())) {
            GradingPolicy.Scale scale = g.kind().scaleIn(courses.get(courseId).policies().gradingOrDefaults());
            GradeScaleRules.Value value = GradeScaleRules.read(scale, points, mark, "These items");
            Grade changed = grades.update(g.regraded(value.points(), scale.maxPoints(), value.mark(), g.comment(), actorId, now));
            after = changed.value();
            audit(changed, actorId, now, "REGRADED", before, after, "Regrade answered: " + answer.strip());
            published.publishEvent(new GradesPublished(courseId, List.of(changed.studentId())));
        } else {
            audit(g, actorId, now, "REGRADE_ANSWERED", before, before, "Regrade answered, grade kept: " + answer.strip());
        }
        RegradeView view = regradeView(courseId, regrades.update(r.answered(answer.strip(), actorId, now, before, after)));
        notices.post(regradeAnswered(courseId, view), List.of(r.studentId()));
        return view;
    }

    private static Notice regradeAnswered(long courseId, RegradeView r) {
        String by = r.answeredBy() == null ? "Staff" : r.answeredBy();
        String item = r.item() == null ? "your grade" : "your grade for " + r.item().subjectTitle() + " (session " + r.item().sessionNumber() + ")";
        String outcome = Objects.equals(r.oldValue(), r.newValue())
                ? "Your regrade request was declined: " + item + " stays " + r.oldValue() + "."
                : "Your regrade request was accepted: " + item + " changed from " + r.oldValue() + " to " + r.newValue() + ".";
        return new Notice(NoticeKind.REGRADE_ANSWERED, courseId,
                "Regrade " + (Objects.equals(r.oldValue(), r.newValue()) ? "declined" : "accepted")
                        + (r.item() == null ? "" : ": Session " + r.item().sessionNumber()),
                outcome + " " + by + " wrote: " + r.answer(), "/#/courses/" + courseId + "/my-grades", null);
    }

    @Transactional(readOnly = true)
    List<RegradeView> regrades(long courseId, @Nullable Long studentId, boolean openOnly) {
        List<RegradeRequest> list = studentId == null ? regrades.findByCourseIdOrderByFiledAt(courseId)
                : regrades.findByCourseIdAndStudentIdOrderByFiledAt(courseId, studentId);
        List<RegradeRequest> shown = list.stream().filter(r -> !openOnly || r.open()).toList();
        if (shown.isEmpty()) {
            return List.of();
        }
        GradeReport.State st = studentId == null ? report.course(courseId) : report.student(courseId, studentId);
        return shown.stream().map(r -> regradeView(st, r)).toList();
    }

    /** How many regrade requests of the course wait for an answer (a count: no grade is read). */
    @Transactional(readOnly = true)
    int openRegradeCount(long courseId) {
        return (int) regrades.findByCourseIdOrderByFiledAt(courseId).stream().filter(RegradeRequest::open).count();
    }

    private RegradeView regradeView(long courseId, RegradeRequest r) {
        GradeReport.State st = report.student(courseId, r.studentId());
        return regradeView(st, r);
    }

    static RegradeView regradeView(GradeReport.State st, RegradeRequest r) {
        Grade graded = st.grade(r.gradeId());
        GradeView item = graded == null ? null : st.view(graded);
        return new RegradeView(r.id(), r.gradeId(), item, r.studentId(), st.name(r.studentId()), r.reason(), r.filedAt(),
                r.open() ? "OPEN" : "ANSWERED", r.answer(), r.answeredBy() == null ? null : st.name(r.answeredBy()),
                r.answeredAt(), r.oldValue(), r.newValue());
    }

    private void audit(Grade g, long actorId, Instant at, String action, @Nullable String oldValue, @Nullable String newValue,
                       String detail) {
        events.save(new GradeEvent(null, g.courseId(), g.id(), g.studentId(), actorId, at, action, oldValue, newValue,
                detail.length() > 2000 ? detail.substring(0, 2000) : detail));
    }
}
