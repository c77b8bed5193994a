package org.paperclub.signup;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.CourseViews.PaperView;
import org.paperclub.course.CourseViews.RoleView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.signup.SignupViews.Assignment;
import org.paperclub.signup.SignupViews.AutoFillPlan;
import org.paperclub.signup.SignupViews.Block;
import org.paperclub.signup.SignupViews.Board;
import org.paperclub.signup.SignupViews.BoardPaper;
import org.paperclub.signup.SignupViews.BoardSession;
import org.paperclub.signup.SignupViews.Coverage;
import org.paperclub.signup.SignupViews.EventView;
import org.paperclub.signup.SignupViews.Holder;
import org.paperclub.signup.SignupViews.InvitationView;
import org.paperclub.signup.SignupViews.Mine;
import org.paperclub.signup.SignupViews.Notice;
import org.paperclub.signup.SignupViews.Person;
import org.paperclub.signup.SignupViews.PresentationView;
import org.paperclub.signup.SignupViews.RoleInfo;
import org.paperclub.signup.SignupViews.Seats;
import org.paperclub.signup.SignupViews.StudentCoverage;
import org.paperclub.signup.SignupViews.Unfilled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the sign-ups: the board, the coverage list, the auto-fill plan and the audit trail. */
@Singleton
class SignupBoard {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final SignupService signups;
    private final PeopleService people;
    private final PresentationRepository presentations;
    private final PresentationMemberRepository members;
    private final RoleSignupRepository roleSignups;
    private final SignupEventRepository events;
    private final PresentationInvitationRepository invitations;

    SignupBoard(CourseService courses, ScheduleService schedule, SignupService signups, PeopleService people,
                PresentationRepository presentations, PresentationMemberRepository members, RoleSignupRepository roleSignups,
                SignupEventRepository events, PresentationInvitationRepository invitations) {
        this.courses = courses;
        this.schedule = schedule;
        this.signups = signups;
        this.people = people;
        this.presentations = presentations;
        this.members = members;
        this.roleSignups = roleSignups;
        this.events = events;
        this.invitations = invitations;
    }

    /** Everything the board needs in a handful of queries, whatever the size of the course. */
    private record State(Course course, List<ClassSession> sessions, List<List<ClassSession>> blocks, List<RoleView> roles,
                         Map<Long, String> names, List<Presentation> presentations, List<PresentationMember> members,
                         List<RoleSignup> roleSignups, Map<Long, PaperView> papers, Map<Long, List<Long>> readings) {

        /** For each student, the sessions where they present. */
        Map<Long, Set<Long>> presentingIn() {
            Map<Long, Long> sessionOf = presentations.stream().collect(Collectors.toMap(Presentation::id, Presentation::sessionId));
            Map<Long, Set<Long>> m = new HashMap<>();
            members.forEach(pm -> m.computeIfAbsent(pm.userId(), k -> new HashSet<>()).add(sessionOf.get(pm.presentationId())));
            return m;
        }
    }

    @Transactional(readOnly = true)
    State state(long courseId) {
        Course course = courses.get(courseId);
        List<ClassSession> sessions = schedule.sessions(courseId);
        List<RoleView> roles = courses.roles(courseId);
        return new State(course, sessions, SignupRules.blocks(course, sessions, !roles.isEmpty()), roles, people.namesOf(courseId),
                presentations.findByCourseId(courseId), members.findByCourseId(courseId), roleSignups.findByCourseId(courseId),
                schedule.papers(courseId).stream().collect(Collectors.toMap(PaperView::id, Function.identity())),
                schedule.readingPaperIds(courseId));
    }

    @Transactional(readOnly = true)
    Board board(long courseId, long viewerId, CourseRole viewerRole) {
        State st = state(courseId);
        Course course = st.course();
        Instant now = signups.now();
        Map<Long, Integer> blockOf = SignupRules.blockOf(st.blocks());
        Map<Long, List<Presentation>> presBySession = st.presentations().stream().collect(Collectors.groupingBy(Presentation::sessionId));
        Map<Long, List<PresentationMember>> membersByPres = st.members().stream().collect(Collectors.groupingBy(PresentationMember::presentationId));
        Map<Long, List<RoleSignup>> rolesBySession = st.roleSignups().stream().collect(Collectors.groupingBy(RoleSignup::sessionId));
        List<PresentationInvitation> pending = invitations.findByCourseId(courseId);
        Map<Long, List<Person>> invitedTo = new HashMap<>();
        pending.forEach(i -> invitedTo.computeIfAbsent(i.presentationId(), k -> new ArrayList<>())
                .add(new Person(i.userId(), st.names().get(i.userId()))));

        List<BoardSession> sessions = new ArrayList<>();
        for (ClassSession s : st.sessions()) {
            List<String> sessionNotes = new ArrayList<>();
            List<PresentationView> pres = presBySession.getOrDefault(s.id(), List.of()).stream()
                    .sorted(Comparator.comparing(Presentation::slot))
                    .map(p -> presentationView(st, s, p, membersByPres.getOrDefault(p.id(), List.of()),
                            invitedTo.getOrDefault(p.id(), List.of())))
                    .toList();
            List<RoleSignup> held = rolesBySession.getOrDefault(s.id(), List.of());
            if (!s.held() && (!pres.isEmpty() || !held.isEmpty())) {
                sessionNotes.add("This session is cancelled; its sign-ups are kept until staff move them.");
            }
            boolean hasRoles = SignupRules.hasRoles(s) && !st.roles().isEmpty();
            List<Seats> seats = hasRoles || !held.isEmpty() ? st.roles().stream().map(r -> new Seats(r.id(), r.name(), r.capacity(),
                    held.stream().filter(h -> h.roleId().equals(r.id())).sorted(Comparator.comparing(RoleSignup::seat))
                            .map(h -> new Holder(h.id(), h.userId(), st.names().get(h.userId()))).toList())).toList() : List.of();
            List<BoardPaper> papers = st.readings().getOrDefault(s.id(), List.of()).stream().map(st.papers()::get)
                    .map(p -> new BoardPaper(p.id(), p.title(), p.official())).toList();
            sessions.add(new BoardSession(s.id(), s.number(), s.date(), s.startsAt(course.zone()).toOffsetDateTime(), s.topic(), s.kind(),
                    hasRoles, SignupRules.frozen(course, s, now),
                    SignupRules.freezesAt(course, s).atZone(course.zone()).toOffsetDateTime(), blockOf.get(s.id()),
                    s.presentationSlots(), papers, pres, seats, sessionNotes));
        }
        Mine mine = null;
        List<Notice> notices = List.of();
        if (viewerRole == CourseRole.STUDENT) {
            mine = new Mine(viewerId, course.presentationsPerStudent(),
                    st.members().stream().filter(m -> m.userId() == viewerId).map(PresentationMember::presentationId).toList(),
                    st.roleSignups().stream().filter(r -> r.userId() == viewerId).map(RoleSignup::id).toList(),
                    missingBlocks(st, viewerId), myInvitations(st, pending, viewerId));
            notices = events.concerning(courseId, viewerId).stream().map(e -> new Notice(e.at(), e.detail())).toList();
        }
        boolean open = course.signupOpensAt() == null || !now.isBefore(course.signupOpensAt());
        return new Board(courseId, viewerRole, open,
                course.signupOpensAt() == null ? null : course.signupOpensAt().atZone(course.zone()).toOffsetDateTime(),
                course.maxTeamSize(), st.roles().stream().map(r -> new RoleInfo(r.id(), r.name(), r.description(), r.capacity())).toList(),
                blocks(st), sessions, mine, notices);
    }

    /** The invitations waiting for the viewer's answer, in session order. */
    private static List<InvitationView> myInvitations(State st, List<PresentationInvitation> pending, long viewerId) {
        Map<Long, Presentation> byId = st.presentations().stream().collect(Collectors.toMap(Presentation::id, Function.identity()));
        Map<Long, ClassSession> sessions = st.sessions().stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        return pending.stream().filter(i -> i.userId() == viewerId && byId.containsKey(i.presentationId()))
                .map(i -> {
                    Presentation p = byId.get(i.presentationId());
                    ClassSession s = sessions.get(p.sessionId());
                    return new InvitationView(i.id(), p.id(), s.id(), s.number(), st.papers().get(p.paperId()).title(),
                            st.names().getOrDefault(i.invitedBy(), "A student"));
                })
                .sorted(Comparator.comparingInt(InvitationView::sessionNumber)).toList();
    }

    private PresentationView presentationView(State st, ClassSession s, Presentation p, List<PresentationMember> team, List<Person> invited) {
        PaperView paper = st.papers().get(p.paperId());
        List<String> notes = new ArrayList<>();
        // Only the reading the team signed up for leaving this session is a move: an official paper may be presented
        // without being a reading here, and may be a lecture's reading too. The team keeps its slot, told so.
        if (p.readingAtSignup() && !st.readings().getOrDefault(s.id(), List.of()).contains(p.paperId())) {
            notes.add(st.sessions().stream().filter(other -> !other.id().equals(s.id()) && other.presentationSlots() > 0
                            && st.readings().getOrDefault(other.id(), List.of()).contains(p.paperId()))
                    .findFirst().map(other -> "“" + paper.title() + "” has moved to session " + other.number()
                            + "; this team still presents it in session " + s.number() + " until staff move the team.")
                    .orElse("“" + paper.title() + "” is no longer a reading of session " + s.number()
                            + "; this team still presents it there until staff move the team."));
        }
        return new PresentationView(p.id(), s.id(), s.number(), paper.id(), paper.title(), paper.official(), p.status(), p.slot(),
                team.stream().sorted(Comparator.comparing(PresentationMember::place))
                        .map(m -> new Person(m.userId(), st.names().get(m.userId()))).toList(),
                st.course().maxTeamSize(), notes, invited);
    }

    private static List<Block> blocks(State st) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < st.blocks().size(); i++) {
            List<ClassSession> b = st.blocks().get(i);
            out.add(new Block(i, SignupRules.blockName(b), b.stream().map(ClassSession::id).toList()));
        }
        return out;
    }

    /**
     * One student's sign-ups, and for each block where they hold no role the sessions still open to them (not frozen,
     * a role with a free seat, not presenting there): SignupRules decides holding, freezing and blocks.
     */
    @Transactional(readOnly = true)
    SignupLedger.MySignups mine(long courseId, long userId) {
        State st = state(courseId);
        Course course = st.course();
        Instant now = signups.now();
        Map<Long, ClassSession> byId = st.sessions().stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        Map<Long, Presentation> presById = st.presentations().stream().collect(Collectors.toMap(Presentation::id, Function.identity()));
        Map<Long, String> roleNames = st.roles().stream().collect(Collectors.toMap(RoleView::id, RoleView::name));
        Set<Long> presentingIn = st.presentingIn().getOrDefault(userId, Set.of());
        List<SignupLedger.MyPresentation> pres = st.members().stream().filter(m -> m.userId() == userId)
                .map(m -> presById.get(m.presentationId()))
                .map(p -> {
                    ClassSession s = byId.get(p.sessionId());
                    List<String> team = st.members().stream().filter(m -> m.presentationId().equals(p.id()))
                            .sorted(Comparator.comparing(PresentationMember::place)).map(m -> st.names().get(m.userId())).toList();
                    return new SignupLedger.MyPresentation(s.id(), s.number(), s.startsAt(course.zone()).toOffsetDateTime(),
                            st.papers().get(p.paperId()).title(), p.status() == PresentationStatus.PROPOSED, team);
                })
                .sorted(Comparator.comparing(SignupLedger.MyPresentation::sessionNumber)).toList();
        List<SignupLedger.MyRole> roles = st.roleSignups().stream().filter(r -> r.userId() == userId)
                .map(r -> {
                    ClassSession s = byId.get(r.sessionId());
                    return new SignupLedger.MyRole(s.id(), s.number(), s.startsAt(course.zone()).toOffsetDateTime(), roleNames.get(r.roleId()));
                })
                .sorted(Comparator.comparing(SignupLedger.MyRole::sessionNumber)).toList();
        Map<Long, List<RoleSignup>> heldBySession = st.roleSignups().stream().collect(Collectors.groupingBy(RoleSignup::sessionId));
        List<SignupLedger.MissingBlock> missing = new ArrayList<>();
        for (int block : missingBlocks(st, userId)) {
            List<SignupLedger.OpenSession> open = new ArrayList<>();
            for (ClassSession s : st.blocks().get(block)) {
                if (!s.held() || !SignupRules.hasRoles(s) || SignupRules.frozen(course, s, now) || presentingIn.contains(s.id())) {
                    continue;
                }
                List<RoleSignup> held = heldBySession.getOrDefault(s.id(), List.of());
                List<String> free = st.roles().stream()
                        .filter(r -> held.stream().filter(h -> h.roleId().equals(r.id())).count() < r.capacity())
                        .map(RoleView::name).toList();
                if (!free.isEmpty()) {
                    open.add(new SignupLedger.OpenSession(s.id(), s.number(), s.startsAt(course.zone()).toOffsetDateTime(),
                            SignupRules.freezesAt(course, s).atZone(course.zone()).toOffsetDateTime(), free));
                }
            }
            missing.add(new SignupLedger.MissingBlock(block, SignupRules.blockName(st.blocks().get(block)), open));
        }
        boolean isOpen = course.signupOpensAt() == null || !now.isBefore(course.signupOpensAt());
        return new SignupLedger.MySignups(isOpen, course.signupOpensAt() == null ? null : course.signupOpensAt().atZone(course.zone()).toOffsetDateTime(),
                course.presentationsPerStudent(), pres, roles, missing);
    }

    private static List<Integer> missingBlocks(State st, long userId) {
        Set<Long> mySessions = st.roleSignups().stream().filter(r -> r.userId() == userId).map(RoleSignup::sessionId).collect(Collectors.toSet());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < st.blocks().size(); i++) {
            if (st.blocks().get(i).stream().noneMatch(s -> mySessions.contains(s.id()))) {
                missing.add(i);
            }
        }
        return missing;
    }

    @Transactional(readOnly = true)
    Coverage coverage(long courseId) {
        State st = state(courseId);
        List<StudentCoverage> students = new ArrayList<>();
        int gaps = 0;
        int without = 0;
        for (RosterEntry r : signups.students(courseId)) {
            List<Integer> missing = missingBlocks(st, r.userId());
            int roleCount = (int) st.roleSignups().stream().filter(s -> s.userId().equals(r.userId())).count();
            int presenting = (int) st.members().stream().filter(m -> m.userId().equals(r.userId())).count();
            gaps += missing.size();
            without += presenting < st.course().presentationsPerStudent() ? 1 : 0;
            students.add(new StudentCoverage(r.userId(), r.name(), r.email(), roleCount, presenting,
                    st.course().presentationsPerStudent(), missing));
        }
        students.sort(Comparator.comparing((StudentCoverage c) -> -c.blocksMissingRole().size()).thenComparing(org.paperclub.system.NaturalOrder.by(StudentCoverage::name)));
        return new Coverage(blocks(st), students, gaps, without);
    }

    /**
     * A plan that fills every coverage gap it can: students with the fewest roles so far go first; each gets a free
     * seat in a session of the block where they do not present and hold no role, preferring the emptiest session
     * and role. Gaps that cannot be filled are reported with the reason. Nothing is written.
     */
    @Transactional(readOnly = true)
    AutoFillPlan autoFill(long courseId) {
        State st = state(courseId);
        Map<Long, Integer> taken = new HashMap<>();
        st.roleSignups().forEach(r -> taken.merge(seatKey(r.sessionId(), r.roleId()), 1, Integer::sum));
        Map<Long, Set<Long>> roleSessions = new HashMap<>();
        st.roleSignups().forEach(r -> roleSessions.computeIfAbsent(r.userId(), k -> new HashSet<>()).add(r.sessionId()));
        Map<Long, Set<Long>> presenting = st.presentingIn();
        Map<Long, Integer> roleCount = new HashMap<>();
        st.roleSignups().forEach(r -> roleCount.merge(r.userId(), 1, Integer::sum));

        record Gap(RosterEntry student, int block) {
        }
        List<Gap> gaps = new ArrayList<>();
        for (RosterEntry r : signups.students(courseId)) {
            missingBlocks(st, r.userId()).forEach(b -> gaps.add(new Gap(r, b)));
        }
        List<Assignment> plan = new ArrayList<>();
        List<Unfilled> unfilled = new ArrayList<>();
        while (!gaps.isEmpty()) {
            gaps.sort(Comparator.comparing((Gap g) -> roleCount.getOrDefault(g.student().userId(), 0))
                    .thenComparing(g -> g.block()).thenComparing(g -> g.student().name()));
            Gap gap = gaps.remove(0);
            long userId = gap.student().userId();
            ClassSession bestSession = null;
            RoleView bestRole = null;
            int bestFree = 0;
            boolean presentsEverywhere = true;
            for (ClassSession s : st.blocks().get(gap.block())) {
                if (presenting.getOrDefault(userId, Set.of()).contains(s.id())) {
                    continue;
                }
                presentsEverywhere = false;
                if (roleSessions.getOrDefault(userId, Set.of()).contains(s.id())) {
                    continue;
                }
                int sessionFree = st.roles().stream().mapToInt(r -> r.capacity() - taken.getOrDefault(seatKey(s.id(), r.id()), 0)).sum();
                for (RoleView r : st.roles()) {
                    int free = r.capacity() - taken.getOrDefault(seatKey(s.id(), r.id()), 0);
                    int score = free * 1000 + sessionFree;
                    if (free > 0 && score > bestFree) {
                        bestFree = score;
                        bestSession = s;
                        bestRole = r;
                    }
                }
            }
            String blockName = SignupRules.blockName(st.blocks().get(gap.block()));
            if (bestSession == null) {
                unfilled.add(new Unfilled(userId, gap.student().name(), gap.block(), presentsEverywhere
                        ? gap.student().name() + " presents in every session of " + blockName + "."
                        : "Every seat of " + blockName + " is taken."));
                continue;
            }
            taken.merge(seatKey(bestSession.id(), bestRole.id()), 1, Integer::sum);
            roleSessions.computeIfAbsent(userId, k -> new HashSet<>()).add(bestSession.id());
            roleCount.merge(userId, 1, Integer::sum);
            plan.add(new Assignment(userId, gap.student().name(), gap.block(), bestSession.id(), bestSession.number(),
                    bestRole.id(), bestRole.name()));
        }
        return new AutoFillPlan(plan, unfilled);
    }

    private static long seatKey(long sessionId, long roleId) {
        return sessionId * 1_000_003L + roleId;
    }

    @Transactional(readOnly = true)
    List<EventView> audit(long courseId) {
        Map<Long, String> names = people.namesOf(courseId);
        Map<Long, Integer> numbers = schedule.sessions(courseId).stream().collect(Collectors.toMap(ClassSession::id, ClassSession::number));
        return events.latest(courseId).stream().map(e -> new EventView(e.id(), e.at(), names.getOrDefault(e.actorId(), "someone"),
                e.action(), e.sessionId() == null ? null : numbers.get(e.sessionId()), e.detail())).toList();
    }
}
