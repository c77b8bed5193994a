package org.paperclub.grading;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.SessionKind;
import org.paperclub.critique.CritiqueLedger.HandedIn;
import org.paperclub.grading.GradeReport.State;
import org.paperclub.grading.GradingViews.BlockProgress;
import org.paperclub.grading.GradingViews.CourseProgress;
import org.paperclub.grading.GradingViews.CritiqueSheet;
import org.paperclub.grading.GradingViews.GradeView;
import org.paperclub.grading.GradingViews.HistoryLine;
import org.paperclub.grading.GradingViews.Member;
import org.paperclub.grading.GradingViews.PresentationProgress;
import org.paperclub.grading.GradingViews.Progress;
import org.paperclub.grading.GradingViews.RequiredCounts;
import org.paperclub.grading.GradingViews.RoleProgress;
import org.paperclub.grading.GradingViews.RoleSheet;
import org.paperclub.grading.GradingViews.Scales;
import org.paperclub.grading.GradingViews.SessionInfo;
import org.paperclub.grading.GradingViews.SessionProgress;
import org.paperclub.grading.GradingViews.SessionSheet;
import org.paperclub.grading.GradingViews.StudentGrades;
import org.paperclub.grading.GradingViews.StudentLine;
import org.paperclub.grading.GradingViews.Summary;
import org.paperclub.grading.GradingViews.TeamSheet;
import org.paperclub.grading.ParticipationRules.Participation;
import org.paperclub.grading.Repositories.GradeEventRepository;
import org.paperclub.grading.Repositories.GradeRepository;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.signup.SignupLedger.Holding;
import org.paperclub.signup.SignupLedger.Team;
import org.paperclub.system.ProblemException;
import org.paperclub.system.SideTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/** The read side of grading: a session's grading sheet, the course summary, a student's page, the audit. */
@Singleton
class GradeSheets {


    private final GradeReport report;
    private final ScheduleService schedule;
    private final GradeRepository grades;
    private final GradeEventRepository events;
    private final GradingService grading;
    private final PeopleService people;

    GradeSheets(GradeReport report, ScheduleService schedule, GradeRepository grades, GradeEventRepository events,
                GradingService grading, PeopleService people,
                @Value("${paperclub.grading.lines-shared-from:400}") int linesSharedFrom) {
        this.linesSharedFrom = linesSharedFrom;
        this.report = report;
        this.schedule = schedule;
        this.grades = grades;
        this.events = events;
        this.grading = grading;
        this.people = people;
    }

    @Transactional(readOnly = true)
    SessionSheet sheet(long courseId, long sessionId) {
        ClassSession session = schedule.requireSession(courseId, sessionId);
        State st = report.session(courseId, sessionId, grades.findBySessionId(sessionId));
        ItemIndex<GradeView> byKey = new ItemIndex<>(st.grades.size());
        List<GradeView> flagged = new ArrayList<>();
        int drafts = 0;
        for (Grade g : st.grades) {
            GradeView v = st.view(g);
            byKey.put(g, v);
            if (v.flag() != null) {
                flagged.add(v);
            }
            drafts += g.publishedAt() == null ? 1 : 0;
        }
        List<TeamSheet> teams = st.teams.stream().filter(t -> t.sessionId() == sessionId)
                .map(t -> new TeamSheet(t.id(), t.paperId(), st.paperTitles.get(t.paperId()), t.proposed() ? "PROPOSED" : "CONFIRMED",
                        t.memberIds().stream().map(m -> new Member(m, st.name(m),
                                byKey.get(GradeKind.PRESENTATION, sessionId, t.paperId(), m))).toList()))
                .toList();
        Map<Long, List<Long>> holders = new LinkedHashMap<>();
        st.holdings.stream().filter(h -> h.sessionId() == sessionId)
                .forEach(h -> holders.computeIfAbsent(h.roleId(), k -> new ArrayList<>()).add(h.userId()));
        List<Long> roleOrder = new ArrayList<>(st.roleNames.keySet());
        List<RoleSheet> roles = holders.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> roleOrder.indexOf(e.getKey())))
                .map(e -> new RoleSheet(e.getKey(), st.roleNames.get(e.getKey()), e.getValue().stream()
                        .map(u -> new Member(u, st.name(u), byKey.get(GradeKind.ROLE, sessionId, e.getKey(), u))).toList()))
                .toList();
        List<CritiqueSheet> critiques = st.handedIn.stream().filter(c -> c.sessionId() == sessionId)
                .sorted(org.paperclub.system.NaturalOrder.by((HandedIn c) -> st.name(c.studentId())))
                .map(c -> new CritiqueSheet(c.id(), c.studentId(), st.name(c.studentId()), c.paperId(), st.paperTitles.get(c.paperId()),
                        c.late(), c.keepPercent(), c.timing(), byKey.get(GradeKind.CRITIQUE, sessionId, c.paperId(), c.studentId())))
                .toList();
        SessionProgress progress = progress(st, report.now()).stream().filter(p -> p.sessionId() == sessionId).findFirst()
                .orElse(new SessionProgress(sessionId, session.number(), 0, 0, 0));
        return new SessionSheet(new SessionInfo(session.id(), session.number(), session.date(), session.topic(), session.kind(),
                session.kind() != SessionKind.NO_CLASS),
                new Scales(st.policy.presentationScale(), st.policy.roleScale(), st.policy.critiqueScale()),
                teams, roles, critiques, flagged, drafts, progress.graded(), progress.toGrade());
    }

    /** Grading progress of every session that has something to grade or a draft, and the critiques graded (staff). */
    // No transaction here: GradeReport.course reads on three connections, each in a transaction of its own.
    CourseProgress progress(long courseId) {
        State st = report.course(courseId);
        ItemIndex<Boolean> graded = graded(st.grades);
        List<Long> critiques = st.handedIn.stream()
                .filter(c -> graded.contains(GradeKind.CRITIQUE, c.sessionId(), c.paperId(), c.studentId()))
                .map(HandedIn::id).sorted().toList();
        return new CourseProgress(progress(st, report.now()), critiques);
    }

    /**
     * What there is to grade now, per session: each member of a confirmed team and each role holder once the session
     * has begun, and every critique handed in (the same items the summary counts as "not graded yet"); how many of
     * them have a grade, and how many grades are drafts. Sessions with nothing to grade and no draft are left out.
     */
    private static List<SessionProgress> progress(State st, Instant now) {
        return progress(st, now, graded(st.grades));
    }

    /** The items that have one of these grades. */
    private static ItemIndex<Boolean> graded(List<Grade> grades) {
        ItemIndex<Boolean> graded = new ItemIndex<>(grades.size());
        for (Grade g : grades) {
            graded.put(g, Boolean.TRUE);
        }
        return graded;
    }

    private static List<SessionProgress> progress(State st, Instant now, ItemIndex<Boolean> graded) {
        return progress(st, tally(st, now, graded));
    }

    private static List<SessionProgress> progress(State st, Tally tally) {
        Map<Long, Integer> drafts = new HashMap<>();
        for (Grade g : st.grades) {
            if (g.publishedAt() == null) {
                drafts.merge(g.sessionId(), 1, Integer::sum);
            }
        }
        Map<Long, int[]> counts = tally.bySession;
        Set<Long> ids = new HashSet<>(counts.keySet());
        ids.addAll(drafts.keySet());
        return ids.stream().filter(st.sessions::containsKey)
                .sorted(Comparator.comparingInt((Long id) -> st.sessions.get(id).number()))
                .map(id -> {
                    int[] c = counts.getOrDefault(id, new int[2]);
                    return new SessionProgress(id, st.sessions.get(id).number(), c[0], c[1], drafts.getOrDefault(id, 0));
                }).toList();
    }

    /**
     * What there is to grade by {@code now}, counted once for both the students' lines and the sessions' progress:
     * each member of a confirmed team and each role holder once the session has begun, and every critique handed in.
     */
    private static final class Tally {
        /** Session → {graded, to grade}. */
        final Map<Long, int[]> bySession = new HashMap<>();
        /** Student → items not graded yet. */
        final Map<Long, Integer> ungraded = new HashMap<>();

        void count(long sessionId, long studentId, boolean graded) {
            int[] c = bySession.computeIfAbsent(sessionId, k -> new int[2]);
            c[1]++;
            if (graded) {
                c[0]++;
            } else {
                ungraded.merge(studentId, 1, Integer::sum);
            }
        }
    }

    private static Tally tally(State st, Instant now, ItemIndex<Boolean> graded) {
        Tally tally = new Tally();
        for (Team t : st.teams) {
            if (!t.proposed() && st.gradable(t.sessionId(), now)) {
                for (long m : t.memberIds()) {
                    tally.count(t.sessionId(), m, graded.contains(GradeKind.PRESENTATION, t.sessionId(), t.paperId(), m));
                }
            }
        }
        for (Holding h : st.holdings) {
            if (st.gradable(h.sessionId(), now)) {
                tally.count(h.sessionId(), h.userId(), graded.contains(GradeKind.ROLE, h.sessionId(), h.roleId(), h.userId()));
            }
        }
        for (HandedIn c : st.handedIn) {
            tally.count(c.sessionId(), c.studentId(), graded.contains(GradeKind.CRITIQUE, c.sessionId(), c.paperId(), c.studentId()));
        }
        return tally;
    }

    /**
     * Every student's line. {@code draftsToo}: participation counts draft grades as well (staff's own view); the
     * exports count published grades only, unless asked, so that Canvas never shows a grade students cannot see here.
     * The counts (not graded yet, flagged, drafts) always look at every grade.
     */
    // No transaction here: GradeReport.course reads on three connections, each in a transaction of its own.
    Summary summary(long courseId, boolean draftsToo) {
        return summary(report.course(courseId), draftsToo);
    }

    /**
     * The summary staff see, with the regrade requests waiting for an answer, read from the same course state as the
     * summary (one read of the course, not a second one for the requests).
     */
    // No transaction here: GradeReport.course reads on three connections, each in a transaction of its own.
    Summary summaryForStaff(long courseId) {
        State st = report.course(courseId);
        return summary(st, true).withOpenRegrades(st.regrades.stream().filter(RegradeRequest::open)
                .map(r -> GradingService.regradeView(st, r)).toList());
    }

    /** The summary with the roster it was made from, for the exports (which show roster fields the summary has not). */
    record Gradebook(Summary summary, Map<Long, RosterEntry> people) {
    }

    // No transaction here: GradeReport.course reads on three connections, each in a transaction of its own.
    Gradebook gradebook(long courseId, boolean draftsToo) {
        State st = report.course(courseId);
        return new Gradebook(summary(st, draftsToo), st.people);
    }

    /**
     * A course of this many students or more has its summary lines made by two threads; below it the second thread
     * costs more than it saves. A setting only so that a test can send a small course the two-thread way.
     */
    private final int linesSharedFrom;

    private Summary summary(State st, boolean draftsToo) {
        Instant now = report.now();
        Map<Long, List<Grade>> byStudent = new HashMap<>(st.students.size() * 2);
        for (Grade g : st.grades) {
            byStudent.computeIfAbsent(g.studentId(), k -> new ArrayList<>()).add(g);
        }
        // What could be graded by now and is not: presentations and roles of sessions that have begun, and every
        // critique handed in.
        ItemIndex<Boolean> graded = graded(st.grades);
        Tally tally = tally(st, now, graded);
        Map<Long, Integer> held = new HashMap<>();
        for (Holding h : st.holdings) {
            held.merge(h.userId(), 1, Integer::sum);
        }
        Map<Long, Integer> accepted = new HashMap<>();
        for (HandedIn c : st.handedIn) {
            accepted.merge(c.studentId(), 1, Integer::sum);
        }
        // The students' lines read the state and these counts only, so two threads can make them: the second half of
        // a large course's lines is offered to another thread while this one makes the first (issue 15: the summary's
        // p90 on a 2,000-student course). When no other thread is free, this one makes both halves (SideTask).
        java.util.function.Function<List<RosterEntry>, List<StudentLine>> linesOf = students -> {
            List<StudentLine> made = new ArrayList<>(students.size());
            List<Grade> counted = new ArrayList<>();
            for (RosterEntry e : students) {
                List<Grade> mine = byStudent.getOrDefault(e.userId(), List.of());
                counted.clear();
                int flagged = 0;
                int drafts = 0;
                for (Grade g : mine) {
                    flagged += st.flagged(g) ? 1 : 0;
                    if (g.publishedAt() == null) {
                        drafts++;
                    }
                    if (draftsToo || g.publishedAt() != null) {
                        counted.add(g);
                    }
                }
                Participation p = st.participation(counted, false);
                made.add(new StudentLine(e.userId(), e.name(), e.email(), e.section(), p.presentation().percent(), p.roles().percent(),
                        p.critiques().percent(), p.percent(), p.presentation().graded(), p.roles().graded(),
                        held.getOrDefault(e.userId(), 0), accepted.getOrDefault(e.userId(), 0), p.critiques().graded(),
                        tally.ungraded.getOrDefault(e.userId(), 0), flagged, drafts, e.withdrawn()));
            }
            return made;
        };
        List<StudentLine> lines;
        int n = st.students.size();
        if (n < linesSharedFrom) {
            lines = linesOf.apply(st.students);
        } else {
            SideTask<List<StudentLine>> second = report.beside(() -> linesOf.apply(st.students.subList(n / 2, n)));
            try {
                lines = new ArrayList<>(linesOf.apply(st.students.subList(0, n / 2)));
            } catch (RuntimeException | Error e) {
                second.abandon();
                throw e;
            }
            lines.addAll(second.join());
        }
        ParticipationRules.Required r = st.required();
        return new Summary(new RequiredCounts(r.presentations(), r.roles(), r.critiques()), st.policy.weights(),
                st.policy.missing(), lines, st.policy.named(), progress(st, tally), null);
    }

    /** A student's grades page; {@code draftsToo} for staff, who also see grades not yet published. */
    @Transactional(readOnly = true)
    StudentGrades student(long courseId, long studentId, boolean draftsToo) {
        State st = report.student(courseId, studentId);
        if (!st.people.containsKey(studentId)) {
            throw ProblemException.notFound("That student is not enrolled in this course.");
        }
        List<Grade> shown = st.grades.stream().filter(g -> draftsToo || g.publishedAt() != null)
                .sorted(Comparator.comparing((Grade g) -> st.sessions.get(g.sessionId()).number()).thenComparing(Grade::kind))
                .toList();
        Participation p = st.participation(shown);
        ItemIndex<Boolean> gradedItems = graded(shown);
        List<PresentationProgress> presentations = st.teams.stream().filter(t -> t.memberIds().contains(studentId))
                .map(t -> new PresentationProgress(st.sessions.get(t.sessionId()).number(), st.paperTitles.get(t.paperId()),
                        gradedItems.contains(GradeKind.PRESENTATION, t.sessionId(), t.paperId(), studentId)))
                .toList();
        List<BlockProgress> blocks = new ArrayList<>();
        for (int i = 0; i < st.blocks.size(); i++) {
            List<ClassSession> block = st.blocks.get(i);
            List<Long> ids = block.stream().map(ClassSession::id).toList();
            List<RoleProgress> roles = st.holdings.stream().filter(h -> h.userId() == studentId && ids.contains(h.sessionId()))
                    .map(h -> new RoleProgress(st.sessions.get(h.sessionId()).number(), st.roleNames.get(h.roleId()),
                            gradedItems.contains(GradeKind.ROLE, h.sessionId(), h.roleId(), studentId)))
                    .toList();
            blocks.add(new BlockProgress(i + 1, block.stream().map(ClassSession::number).toList(), roles));
        }
        int accepted = (int) st.handedIn.stream().filter(c -> c.studentId() == studentId).count();
        int days = st.policy.regradeWindowDays();
        Map<Long, Instant> deadlines = new LinkedHashMap<>();
        shown.stream().filter(g -> g.publishedAt() != null)
                .forEach(g -> deadlines.put(g.id(), RegradeRules.closesAt(st.policy, g.publishedAt())));
        return new StudentGrades(studentId, st.name(studentId), p, shown.stream().map(st::view).toList(),
                new Progress(accepted, st.course.critiquesRequired(), presentations, blocks),
                grading.regrades(courseId, studentId, false).stream()
                        .filter(r -> draftsToo || r.item() == null || r.item().publishedAt() != null).toList(),
                days, deadlines);
    }

    @Transactional(readOnly = true)
    List<HistoryLine> history(long courseId, long gradeId) {
        List<GradeEvent> list = events.history(gradeId).stream().filter(e -> e.courseId() == courseId).toList();
        if (list.isEmpty()) {
            throw ProblemException.notFound("There is no grade " + gradeId + " in this course.");
        }
        return lines(courseId, list);
    }

    @Transactional(readOnly = true)
    List<HistoryLine> audit(long courseId) {
        return lines(courseId, events.latest(courseId));
    }

    private List<HistoryLine> lines(long courseId, List<GradeEvent> list) {
        Map<Long, String> names = people.namesOf(courseId);
        LongFunction<String> name = id -> names.getOrDefault(id, "user " + id);
        return list.stream().map(e -> new HistoryLine(e.at(), name.apply(e.actorId()), e.action(), e.oldValue(), e.newValue(),
                e.detail(), e.gradeId(), e.studentId(), name.apply(e.studentId()))).toList();
    }
}
