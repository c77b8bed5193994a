package org.paperclub.grading;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.paperclub.course.SessionKind;
import org.paperclub.system.Rows;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import org.paperclub.system.SideTask;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.ReadingKind;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.CourseViews.PaperView;
import org.paperclub.course.CourseViews.RoleView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.critique.CritiqueLedger.HandedIn;
import org.paperclub.grading.GradingViews.GradeView;
import org.paperclub.grading.ParticipationRules.Participation;
import org.paperclub.grading.Repositories.GradeRepository;
import org.paperclub.grading.Repositories.RegradeRepository;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.signup.SignupLedger;
import org.paperclub.signup.SignupLedger.Holding;
import org.paperclub.signup.SignupLedger.Team;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a course's grades together with what they grade: everything is loaded in a handful of queries and joined
 * in memory, so the summary of a 2,000-student course does not cost a query per student. A grade whose item is
 * gone (a sign-up withdrawn or moved, a session cancelled, a paper taken off the readings) gets a flag.
 */
@Singleton
class GradeReport {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final PeopleService people;
    private final SignupLedger signups;
    private final CritiqueLedger critiques;
    private final GradeRepository grades;
    private final RegradeRepository regrades;
    private final Clock clock;
    private final JdbcOperations jdbc;
    private final ConnectionOperations<Connection> connections;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService blocking;

    GradeReport(CourseService courses, ScheduleService schedule, PeopleService people, SignupLedger signups,
                CritiqueLedger critiques, GradeRepository grades, RegradeRepository regrades, Clock clock, JdbcOperations jdbc,
                ConnectionOperations<Connection> connections, TransactionOperations<Connection> transactions,
                @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.connections = connections;
        this.transactions = transactions;
        this.blocking = blocking;
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.signups = signups;
        this.critiques = critiques;
        this.grades = grades;
        this.regrades = regrades;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * One course's grades and graded items, indexed for joining. Made by {@link #load}, which runs the queries; the
     * constructor only indexes what it is given.
     */
    static final class State {
        final Course course;
        final GradingPolicy policy;
        final Map<Long, SessionView> sessions;
        final Map<Long, String> paperTitles;
        final Map<Long, String> roleNames;
        final List<RosterEntry> students;
        final Map<Long, RosterEntry> people;
        final List<Team> teams;
        final List<Holding> holdings;
        final List<HandedIn> handedIn;
        final List<Grade> grades;
        /** The course's regrade requests, in the order they were filed. */
        final List<RegradeRequest> regrades;
        final Set<Long> openRegrades;
        final List<List<ClassSession>> blocks;
        /** The presentations and roles students hold now: a grade whose item is not here is flagged. */
        final ItemIndex<Boolean> held;
        final ItemIndex<HandedIn> critiqueByItem;
        final Map<Long, Set<Long>> assigned = new HashMap<>();
        final Map<Long, Integer> blockOf;

        /**
         * Reads the course, its schedule, papers, roles, roster, teams, role holdings, critiques handed in, blocks and
         * open regrades: ten queries, whatever the size of the course.
         *
         * @param sessionId when set, only that session's teams, roles and critiques are read (grading one session)
         * @param seatOrder whether the course's role holdings must come in seat order (a student's page lists them so);
         *                  counting does not need it, and sorting 30,000 seats is a good part of the summary's query time
         */
        static State load(GradeReport from, long courseId, List<Grade> grades, Long sessionId, boolean seatOrder) {
            return new State(Parts.read(from, courseId, sessionId, seatOrder),
                    sessionId == null ? from.critiques.handedIn(courseId) : from.critiques.handedInFor(sessionId), grades);
        }

        private State(Parts p, List<HandedIn> handedIn, List<Grade> grades) {
            this(p.course, p.schedule, p.papers, p.roles, p.roster, p.teams, p.holdings, handedIn, grades, p.regrades, p.blocks);
        }

        private State(Course course, List<SessionView> schedule, List<PaperView> papers, List<RoleView> roles,
                      List<RosterEntry> roster, List<Team> teams, List<Holding> holdings, List<HandedIn> handedIn,
                      List<Grade> grades, List<RegradeRequest> regrades, List<List<ClassSession>> blocks) {
            this.course = course;
            policy = course.policies().gradingOrDefaults();
            sessions = schedule.stream().collect(Collectors.toMap(SessionView::id, Function.identity()));
            paperTitles = papers.stream().collect(Collectors.toMap(PaperView::id, PaperView::title));
            roleNames = roles.stream()
                    .collect(Collectors.toMap(RoleView::id, RoleView::name, (a, b) -> a, LinkedHashMap::new));
            people = roster.stream().collect(Collectors.toMap(RosterEntry::userId, Function.identity(), (a, b) -> a));
            // The roster comes with its students in name order already.
            students = roster.stream().filter(e -> e.role() == CourseRole.STUDENT).toList();
            this.teams = teams;
            this.holdings = holdings;
            this.handedIn = handedIn;
            this.blocks = blocks;
            blockOf = SignupLedger.blockOf(blocks);
            this.grades = grades;
            this.regrades = regrades;
            openRegrades = regrades.stream().filter(RegradeRequest::open)
                    .map(RegradeRequest::gradeId).collect(Collectors.toSet());
            held = new ItemIndex<>(teams.size() * 2 + holdings.size());
            for (Team t : teams) {
                for (long member : t.memberIds()) {
                    held.put(GradeKind.PRESENTATION, t.sessionId(), t.paperId(), member, Boolean.TRUE);
                }
            }
            holdings.forEach(h -> held.put(GradeKind.ROLE, h.sessionId(), h.roleId(), h.userId(), Boolean.TRUE));
            critiqueByItem = new ItemIndex<>(handedIn.size());
            handedIn.forEach(c -> critiqueByItem.put(GradeKind.CRITIQUE, c.sessionId(), c.paperId(), c.studentId(), c));
            sessions.values().forEach(s -> assigned.put(s.id(), s.readings().stream()
                    .filter(r -> r.kind() == ReadingKind.ASSIGNED).map(r -> r.paperId()).collect(Collectors.toSet())));
        }

        private Map<Long, Grade> byId;

        /** One of these grades by its id (null when it is not among them); indexed on first use. */
        Grade grade(long id) {
            if (byId == null) {
                byId = new HashMap<>(grades.size() * 4 / 3 + 1);
                grades.forEach(g -> byId.putIfAbsent(g.id(), g));
            }
            return byId.get(id);
        }

        String name(long userId) {
            RosterEntry e = people.get(userId);
            return e == null ? "user " + userId : e.name();
        }

        GradingPolicy.Scale scale(GradeKind kind) {
            return kind.scaleIn(policy);
        }

        String subject(GradeKind kind, long subjectId) {
            return kind == GradeKind.ROLE ? roleNames.getOrDefault(subjectId, "role " + subjectId)
                    : paperTitles.getOrDefault(subjectId, "paper " + subjectId);
        }

        double keepPercent(Grade g) {
            if (g.kind() != GradeKind.CRITIQUE) {
                return 100;
            }
            HandedIn c = critiqueByItem.get(g);
            return c == null ? 100 : c.keepPercent();
        }

        /** Why the graded item is no longer there, in a sentence for staff; null while it is. */
        String flag(Grade g) {
            return flagged(g) ? sentence(g) : null;
        }

        /**
         * Whether {@link #flag} has a sentence for the grade, without making it: the summary asks this of every grade
         * of the course (50,000 in a large one) and only counts.
         */
        boolean flagged(Grade g) {
            if (sessions.get(g.sessionId()).kind() == SessionKind.NO_CLASS) {
                return true;
            }
            return switch (g.kind()) {
                case PRESENTATION, ROLE -> !held.contains(g);
                case CRITIQUE -> !assigned.getOrDefault(g.sessionId(), Set.of()).contains(g.subjectId()) || reuploaded(g) != null;
            };
        }

        private String sentence(Grade g) {
            SessionView s = sessions.get(g.sessionId());
            String who = name(g.studentId());
            String what = subject(g.kind(), g.subjectId());
            if (s.kind() == SessionKind.NO_CLASS) {
                return "Session " + s.number() + " was cancelled after this was graded; the grade still counts until staff remove it.";
            }
            return switch (g.kind()) {
                case PRESENTATION -> held.contains(g) ? null
                        : who + " no longer presents “" + what + "” in session " + s.number()
                        + " (withdrawn or moved); the grade still counts until staff remove it.";
                case ROLE -> held.contains(g) ? null
                        : who + " no longer holds the role " + what + " in session " + s.number()
                        + " (withdrawn or moved); the grade still counts until staff remove it.";
                case CRITIQUE -> !assigned.getOrDefault(g.sessionId(), Set.of()).contains(g.subjectId())
                        ? "“" + what + "” is no longer an assigned reading of session " + s.number()
                        + "; the critique and its grade still count until staff remove the grade."
                        : reuploaded(g);
            };
        }

        /** A critique handed in again after it was graded: the grade now stands for a file nobody has read. */
        private String reuploaded(Grade g) {
            HandedIn c = critiqueByItem.get(g);
            return c != null && c.uploadedAt().isAfter(g.gradedAt())
                    ? name(g.studentId()) + " handed in a new version (" + c.versions() + ") after this grade was given; look at it and save the grade again."
                    : null;
        }

        GradeView view(Grade g) {
            SessionView s = sessions.get(g.sessionId());
            return new GradeView(g.id(), g.kind(), g.sessionId(), s.number(), g.studentId(), name(g.studentId()),
                    g.subjectId(), subject(g.kind(), g.subjectId()), g.points(), g.mark(), g.maxPoints(),
                    keepPercent(g), g.comment(), name(g.gradedBy()), g.gradedAt(), g.publishedAt(), flag(g),
                    openRegrades.contains(g.id()));
        }

        ParticipationRules.Required required() {
            return new ParticipationRules.Required(course.presentationsPerStudent(), blocks.size(), course.critiquesRequired());
        }

        Participation participation(List<Grade> of) {
            return participation(of, true);
        }

        /** {@code explain} false skips the sentences, which the summary of thousands of students does not show. */
        Participation participation(List<Grade> of, boolean explain) {
            List<Double> p = new ArrayList<>();
            List<Double> r = new ArrayList<>();
            List<Double> c = new ArrayList<>();
            Set<Integer> blocksWithRole = new HashSet<>();
            for (Grade g : of) {
                double pct = ParticipationRules.percent(g.points(), g.maxPoints(), keepPercent(g));
                (g.kind() == GradeKind.PRESENTATION ? p : g.kind() == GradeKind.ROLE ? r : c).add(pct);
                if (g.kind() == GradeKind.ROLE && blockOf.containsKey(g.sessionId())) {
                    blocksWithRole.add(blockOf.get(g.sessionId()));
                }
            }
            return ParticipationRules.compute(policy, required(), new ParticipationRules.Graded(p, r, c, blocksWithRole.size()), explain);
        }

        boolean held(long sessionId) {
            return sessions.get(sessionId).kind() != SessionKind.NO_CLASS;
        }

        // Made on first use, by the thread that made the state: gradable() is not for the summary's second thread.
        private Instant begunAt;
        private Set<Long> begun;

        /**
         * Whether the session is held and has begun by {@code now}: its presentations and roles can be graded. The
         * summary asks this of every seat (30,000 in a large course), so the answer is worked out once per session.
         */
        boolean gradable(long sessionId, Instant now) {
            if (!now.equals(begunAt)) {
                Set<Long> ids = new HashSet<>();
                sessions.values().forEach(s -> {
                    if (s.kind() != SessionKind.NO_CLASS && !s.startsAt().toInstant().isAfter(now)) {
                        ids.add(s.id());
                    }
                });
                begun = ids;
                begunAt = now;
            }
            return begun.contains(sessionId);
        }
    }

    /** What a course read needs besides its grades and critiques: the smaller reads, made on one connection. */
    private record Parts(Course course, List<SessionView> schedule, List<PaperView> papers, List<RoleView> roles,
                         List<RosterEntry> roster, List<Team> teams, List<Holding> holdings, List<RegradeRequest> regrades,
                         List<List<ClassSession>> blocks) {

        /**
         * @param sessionId when set, only that session's teams and roles are read (grading one session)
         * @param seatOrder whether the course's role holdings must come in seat order (a student's page lists them so);
         *                  counting does not need it, and sorting 30,000 seats is a good part of the summary's query time
         */
        static Parts read(GradeReport from, long courseId, Long sessionId, boolean seatOrder) {
            Course course = from.courses.get(courseId);
            ScheduleService.WithPapers schedule = from.schedule.scheduleWithPapers(courseId);
            return new Parts(course,
                    schedule.schedule(),
                    schedule.papers(),
                    from.courses.roles(courseId),
                    from.people.roster(courseId),
                    sessionId == null ? from.signups.teams(courseId) : from.signups.teamsIn(sessionId),
                    sessionId != null ? from.signups.holdingsIn(sessionId)
                            : seatOrder ? from.signups.holdings(courseId) : from.signups.holdingsUnordered(courseId),
                    from.regrades.findByCourseIdOrderByFiledAt(courseId),
                    from.signups.blocks(courseId));
        }
    }

    /**
     * The whole course, for the summary, the exports and grading progress: its role holdings in no particular order.
     * Its grades and its critiques (the two large reads: some 70,000 rows in a 2,000-student course) are offered to two
     * other threads, each reading on a connection of its own, while this one reads the rest: on two cores the database
     * produces one set of rows while the application maps another (issue 15, the summary's p90 on PostgreSQL). Every
     * read is a read-only transaction of its own, ended before this thread waits for the others, so no thread waits
     * while it holds a connection, and a crowd of summaries cannot leave the pool dry (SummaryConnectionsTest). The
     * databases' default isolation (read committed) gives each statement its own snapshot anyway, so one transaction
     * never made these reads one consistent picture. Called inside a transaction, the reads run in it, one by one.
     */
    State course(long courseId) {
        if (connections.findConnectionStatus().isPresent()) {
            return State.load(this, courseId, allGrades(courseId), null, false);
        }
        SideTask<List<Grade>> grades = beside(() -> transactions.execute(TransactionDefinition.READ_ONLY, status -> allGrades(courseId)));
        SideTask<List<HandedIn>> handedIn = beside(() -> transactions.execute(TransactionDefinition.READ_ONLY,
                status -> critiques.handedIn(courseId)));
        try {
            Parts parts = transactions.execute(TransactionDefinition.READ_ONLY, status -> Parts.read(this, courseId, null, false));
            return new State(parts, handedIn.join(), grades.join());
        } catch (RuntimeException | Error e) {
            grades.abandon();
            handedIn.abandon();
            throw e;
        }
    }

    /** Every grade of the course, mapped by hand: the summary of a 2,000-student course reads some 50,000. */
    private List<Grade> allGrades(long courseId) {
        Rows.Repeated marks = new Rows.Repeated();
        return Rows.list(jdbc, """
                select id, session_id, student_id, kind, subject_id, points, max_points, mark, comment, graded_by, graded_at,
                       published_at
                from grade where course_id = ?""", courseId, rs -> {
            return new Grade(rs.getLong(1), courseId, rs.getLong(2), rs.getLong(3), GradeKind.valueOf(rs.getString(4)),
                    rs.getLong(5), rs.getDouble(6), rs.getDouble(7), marks.of(rs.getString(8)), rs.getString(9), rs.getLong(10),
                    Rows.instant(rs, 11), Rows.instant(rs, 12));
        });
    }

    /** One session's graded items with these grades of it (the grading sheet, or a save answered with its result). */
    @Transactional(readOnly = true)
    State session(long courseId, long sessionId, List<Grade> these) {
        return State.load(this, courseId, these, sessionId, true);
    }

    @Transactional(readOnly = true)
    State student(long courseId, long studentId) {
        return State.load(this, courseId, grades.findByCourseIdAndStudentId(courseId, studentId), null, true);
    }

    /** Work offered to another thread of the blocking pool (see {@link SideTask}); there it runs outside any transaction. */
    <T> SideTask<T> beside(java.util.function.Supplier<T> work) {
        return SideTask.start(blocking, work);
    }

    Instant now() {
        return clock.instant();
    }
}
