package org.paperclub.signup;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.Paper;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.Session;
import org.paperclub.course.SupportingRole;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.signup.SignupViews.Person;
import org.paperclub.signup.SignupViews.PresentationView;
import org.paperclub.signup.SignupViews.RoleSignupView;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sign-ups: presentations (teams on papers in sessions) and supporting roles. Every change takes the session's
 * row lock, then the students' enrollment locks in id order, checks the rules in plain words, and writes rows
 * whose unique keys are the last guard (V2). Students act for themselves within the open, unfrozen window;
 * staff act for anyone at any time. Every change is written to the audit trail.
 */
@Singleton
class SignupService {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final PeopleService people;
    private final PresentationRepository presentations;
    private final PresentationMemberRepository members;
    private final RoleSignupRepository roleSignups;
    private final SignupEventRepository events;
    private final Clock clock;

    SignupService(CourseService courses, ScheduleService schedule, PeopleService people,
                  PresentationRepository presentations, PresentationMemberRepository members,
                  RoleSignupRepository roleSignups, SignupEventRepository events, Clock clock) {
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.presentations = presentations;
        this.members = members;
        this.roleSignups = roleSignups;
        this.events = events;
        this.clock = clock;
    }

    /** Who acts, in which role; {@code studentId} is whom the change is for. */
    record Actor(long userId, CourseRole role) {
        boolean staff() {
            return role.isStaff();
        }
    }

    // Presentations

    /**
     * Signs the student (and a partner) up to present the paper in the session: joins the team already on that
     * paper when it has room, otherwise starts a team in a free slot. A paper off the official list is PROPOSED
     * until staff approve it, unless staff make the sign-up.
     */
    @Transactional
    PresentationView present(long courseId, long sessionId, Actor actor, long studentId, long paperId, Long partnerId) {
        Course course = courses.get(courseId);
        Session session = schedule.lockSession(courseId, sessionId);
        SignupRules.held(session);
        if (!actor.staff()) {
            SignupRules.studentMayChange(course, session, now());
        }
        if (session.presentationSlots() == 0) {
            throw ProblemException.conflict("Session " + session.number() + " has no presentation slots.");
        }
        Paper paper = schedule.requirePaper(courseId, paperId);
        List<Long> team = new ArrayList<>(List.of(studentId));
        if (partnerId != null && partnerId != studentId) {
            team.add(partnerId);
        }
        Map<Long, String> names = new Names(people);
        team.stream().sorted().forEach(id -> lockStudent(courseId, id, names));

        Presentation existing = presentations.findBySessionIdAndPaperId(sessionId, paperId).orElse(null);
        List<PresentationMember> current = existing == null ? List.of() : members.findByPresentationId(existing.id());
        for (long id : team) {
            if (current.stream().anyMatch(m -> m.userId() == id)) {
                throw ProblemException.conflict(names.get(id) + " is already in the team presenting “" + paper.title() + "”.");
            }
            requirePresentationLeft(course, id, names);
            roleSignups.findBySessionIdAndUserId(sessionId, id).ifPresent(r -> {
                throw ProblemException.conflict(names.get(id) + " holds a supporting role in session " + session.number()
                        + "; a presenter cannot also take a supporting role there. Withdraw from the role first.");
            });
        }
        int size = current.size() + team.size();
        if (size > course.maxTeamSize()) {
            throw ProblemException.conflict(existing == null
                    ? "A team has at most " + course.maxTeamSize() + (course.maxTeamSize() == 1 ? " member." : " members.")
                    : "The team presenting “" + paper.title() + "” in session " + session.number() + " is full ("
                    + current.size() + " of " + course.maxTeamSize() + ").");
        }
        Presentation presentation = existing;
        if (presentation == null) {
            Set<Integer> taken = presentations.findBySessionId(sessionId).stream().map(Presentation::slot).collect(Collectors.toSet());
            int slot = lowestFree(taken, session.presentationSlots());
            if (slot == 0) {
                throw ProblemException.conflict("All " + session.presentationSlots() + " presentation slots of session "
                        + session.number() + " are taken (" + taken.size() + " of " + session.presentationSlots() + ").");
            }
            PresentationStatus status = paper.official() || actor.staff() ? PresentationStatus.CONFIRMED : PresentationStatus.PROPOSED;
            presentation = presentations.save(new Presentation(null, courseId, sessionId, paperId, slot, status, actor.userId(), now(),
                    schedule.readingKind(sessionId, paperId).isPresent()));
        }
        Set<Integer> places = current.stream().map(PresentationMember::place).collect(Collectors.toCollection(HashSet::new));
        for (long id : team) {
            int place = lowestFree(places, course.maxTeamSize());
            places.add(place);
            Set<Integer> turns = members.findByCourseIdAndUserId(courseId, id).stream().map(PresentationMember::turn).collect(Collectors.toSet());
            members.save(new PresentationMember(null, presentation.id(), courseId, id, place, lowestFree(turns, course.presentationsPerStudent())));
            record(courseId, actor, "PRESENT", sessionId, id, names.get(id) + (existing == null ? " signed up" : " joined the team")
                    + " to present “" + paper.title() + "” in session " + session.number()
                    + (presentation.status() == PresentationStatus.PROPOSED ? " (proposed: awaits approval)" : ""), names);
        }
        return view(course, presentation, names);
    }

    private void requirePresentationLeft(Course course, long studentId, Map<Long, String> names) {
        int already = members.findByCourseIdAndUserId(course.id(), studentId).size();
        if (already >= course.presentationsPerStudent()) {
            throw ProblemException.conflict(names.get(studentId) + (course.presentationsPerStudent() == 1
                    ? " already presents in this course (each student presents once)."
                    : " already presents " + already + " times, as many as this course asks."));
        }
    }

    /** A student leaves their team (the team goes when its last member leaves); staff remove a member or the team. */
    @Transactional
    void withdrawPresentation(long courseId, long sessionId, long presentationId, Actor actor, Long studentId) {
        Course course = courses.get(courseId);
        Session session = schedule.lockSession(courseId, sessionId);
        Presentation presentation = presentations.findByIdAndCourseId(presentationId, courseId)
                .filter(p -> p.sessionId() == sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session " + session.number() + " has no presentation " + presentationId + "."));
        Map<Long, String> names = new Names(people);
        List<PresentationMember> team = members.findByPresentationId(presentationId);
        Long leaving = actor.staff() ? studentId : Long.valueOf(actor.userId());
        if (!actor.staff()) {
            if (team.stream().noneMatch(m -> m.userId() == actor.userId())) {
                throw ProblemException.forbidden("You are not in this team; only its members or staff can remove it.");
            }
            SignupRules.studentMayChange(course, session, now());
        }
        String title = schedule.requirePaper(courseId, presentation.paperId()).title();
        List<PresentationMember> removed = leaving == null ? team
                : team.stream().filter(m -> m.userId().equals(leaving)).toList();
        if (removed.isEmpty()) {
            throw ProblemException.notFound(names.getOrDefault(leaving, "That student") + " is not in this team.");
        }
        members.deleteAll(removed);
        if (removed.size() == team.size()) {
            presentations.delete(presentation);
        }
        for (PresentationMember m : removed) {
            record(courseId, actor, "WITHDRAW_PRESENTATION", sessionId, m.userId(), names.get(m.userId())
                    + " no longer presents “" + title + "” in session " + session.number(), names);
        }
    }

    /** Staff approve a proposed paper (the team keeps its slot) or decline it (the slot is freed, the team told). */
    @Transactional
    PresentationView decide(long courseId, long presentationId, Actor actor, boolean approve, String reason) {
        Course course = courses.get(courseId);
        Presentation presentation = presentations.findByIdAndCourseId(presentationId, courseId)
                .orElseThrow(() -> ProblemException.notFound("This course has no presentation " + presentationId + "."));
        Session session = schedule.lockSession(courseId, presentation.sessionId());
        if (presentation.status() != PresentationStatus.PROPOSED) {
            throw ProblemException.conflict("This presentation is not waiting for approval.");
        }
        Map<Long, String> names = new Names(people);
        String title = schedule.requirePaper(courseId, presentation.paperId()).title();
        List<PresentationMember> team = members.findByPresentationId(presentationId);
        if (approve) {
            Presentation approved = presentations.update(presentation.withStatus(PresentationStatus.CONFIRMED));
            team.forEach(m -> record(courseId, actor, "APPROVE", session.id(), m.userId(), "The proposal of “" + title
                    + "” for session " + session.number() + " was approved", names));
            return view(course, approved, names);
        }
        members.deleteAll(team);
        presentations.delete(presentation);
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.trim();
        team.forEach(m -> record(courseId, actor, "DECLINE", session.id(), m.userId(), "The proposal of “" + title
                + "” for session " + session.number() + " was declined" + why + ". Please choose another paper", names));
        return null;
    }

    // Supporting roles

    @Transactional
    RoleSignupView takeRole(long courseId, long sessionId, long roleId, Actor actor, long studentId) {
        return takeRole(courseId, sessionId, roleId, actor, studentId, false);
    }

    /**
     * Takes a seat of the role; with {@code replace}, a student who holds another role in the session gives it up in
     * the same transaction (a switch, audited as one line), so a refused switch leaves the old role in place.
     */
    @Transactional
    RoleSignupView takeRole(long courseId, long sessionId, long roleId, Actor actor, long studentId, boolean replace) {
        Course course = courses.get(courseId);
        Session session = schedule.lockSession(courseId, sessionId);
        SignupRules.held(session);
        if (!SignupRules.hasRoles(session)) {
            throw ProblemException.conflict("Session " + session.number() + " is not a presentation session; it has no supporting roles.");
        }
        if (!actor.staff()) {
            SignupRules.studentMayChange(course, session, now());
        }
        SupportingRole role = courses.role(courseId, roleId);
        Map<Long, String> names = new Names(people);
        lockStudent(courseId, studentId, names);
        String who = studentId == actor.userId() ? "You" : names.get(studentId);
        RoleSignup previous = roleSignups.findBySessionIdAndUserId(sessionId, studentId).orElse(null);
        if (previous != null) {
            String held = courses.role(courseId, previous.roleId()).name();
            String holds = who + (who.equals("You") ? " already hold " : " already holds ") + held + " in session " + session.number();
            if (previous.roleId() == roleId) {
                throw ProblemException.conflict(holds + ".");
            }
            if (!replace) {
                throw ProblemException.conflict(holds + "; a student takes at most one supporting role per session. "
                        + "To change it, switch to " + role.name() + " instead.");
            }
        }
        if (!members.findInSession(sessionId, studentId).isEmpty()) {
            throw ProblemException.conflict(who + (who.equals("You") ? " present" : " presents") + " in session "
                    + session.number() + "; a presenter cannot also take a supporting role there.");
        }
        List<RoleSignup> holders = roleSignups.findBySessionIdAndRoleId(sessionId, roleId);
        int seat = lowestFree(holders.stream().map(RoleSignup::seat).collect(Collectors.toSet()), role.capacity());
        if (seat == 0) {
            throw ProblemException.conflict(role.name() + " for session " + session.number() + " is full ("
                    + holders.size() + " of " + role.capacity() + ").");
        }
        if (previous != null) {
            // Freed first: (session, student) is unique, and both rows change under the same locks.
            roleSignups.delete(previous);
        }
        RoleSignup saved = roleSignups.save(new RoleSignup(null, courseId, sessionId, roleId, studentId, seat, actor.userId(), now()));
        if (previous == null) {
            record(courseId, actor, "TAKE_ROLE", sessionId, studentId, names.get(studentId) + " took " + role.name()
                    + " in session " + session.number(), names);
        } else {
            record(courseId, actor, "SWITCH_ROLE", sessionId, studentId, names.get(studentId) + " switched from "
                    + courses.role(courseId, previous.roleId()).name() + " to " + role.name() + " in session " + session.number(), names);
        }
        return new RoleSignupView(saved.id(), sessionId, roleId, role.name(), studentId, names.get(studentId), seat);
    }

    @Transactional
    void dropRole(long courseId, long sessionId, long roleId, long signupId, Actor actor) {
        Course course = courses.get(courseId);
        Session session = schedule.lockSession(courseId, sessionId);
        RoleSignup signup = roleSignups.findByIdAndCourseId(signupId, courseId)
                .filter(s -> s.sessionId() == sessionId && s.roleId() == roleId)
                .orElseThrow(() -> ProblemException.notFound("There is no such role sign-up in session " + session.number() + "."));
        if (!actor.staff()) {
            if (signup.userId() != actor.userId()) {
                throw ProblemException.forbidden("You can withdraw only your own sign-ups.");
            }
            SignupRules.studentMayChange(course, session, now());
        }
        Map<Long, String> names = new Names(people);
        roleSignups.delete(signup);
        record(courseId, actor, "DROP_ROLE", sessionId, signup.userId(), names.get(signup.userId()) + " no longer holds "
                + courses.role(courseId, roleId).name() + " in session " + session.number(), names);
    }

    /** Staff move a role sign-up to another session or role in one step: the old seat is kept if the new one fails. */
    @Transactional
    RoleSignupView moveRole(long courseId, long sessionId, long roleId, long signupId, Actor actor, long toSessionId, long toRoleId) {
        RoleSignup signup = roleSignups.findByIdAndCourseId(signupId, courseId)
                .filter(s -> s.sessionId() == sessionId && s.roleId() == roleId)
                .orElseThrow(() -> ProblemException.notFound("There is no such role sign-up."));
        dropRole(courseId, sessionId, roleId, signupId, actor);
        return takeRole(courseId, toSessionId, toRoleId, actor, signup.userId());
    }

    // Shared

    /**
     * Names looked up one by one as messages need them: a sign-up names two or three people, and loading the
     * roster of a 500-student course for that was most of a sign-up's cost.
     */
    static final class Names extends java.util.HashMap<Long, String> {
        private final PeopleService people;

        Names(PeopleService people) {
            this.people = people;
        }

        @Override
        public String get(Object key) {
            return computeIfAbsent((Long) key, id -> people.user(id).map(u -> u.name()).orElse("someone"));
        }

        @Override
        public String getOrDefault(Object key, String fallback) {
            return key == null ? fallback : get(key);
        }
    }

    /** The students of the course by id, with their names. */
    Map<Long, String> namesOf(long courseId) {
        return people.roster(courseId).stream().collect(Collectors.toMap(RosterEntry::userId, RosterEntry::name, (a, b) -> a));
    }

    List<RosterEntry> students(long courseId) {
        return people.roster(courseId).stream().filter(r -> r.role() == CourseRole.STUDENT).toList();
    }

    private void lockStudent(long courseId, long userId, Map<Long, String> names) {
        CourseRole role = people.lockEnrollment(courseId, userId)
                .orElseThrow(() -> ProblemException.notFound("User " + userId + " is not enrolled in this course."));
        if (role != CourseRole.STUDENT) {
            throw ProblemException.conflict(names.getOrDefault(userId, "That person") + " is not a student of this course; only students sign up.");
        }
    }

    PresentationView view(Course course, Presentation p, Map<Long, String> names) {
        Paper paper = schedule.requirePaper(course.id(), p.paperId());
        Session session = schedule.requireSession(course.id(), p.sessionId());
        List<Person> team = members.findByPresentationId(p.id()).stream()
                .sorted(Comparator.comparing(PresentationMember::place))
                .map(m -> new Person(m.userId(), names.get(m.userId()))).toList();
        return new PresentationView(p.id(), p.sessionId(), session.number(), paper.id(), paper.title(), paper.official(),
                p.status(), p.slot(), team, course.maxTeamSize(), List.of());
    }

    private void record(long courseId, Actor actor, String action, Long sessionId, Long userId, String detail, Map<Long, String> names) {
        String by = actor.userId() == (userId == null ? -1 : userId) ? "" : " (by " + names.getOrDefault(actor.userId(), "staff") + ")";
        events.save(new SignupEvent(null, courseId, actor.userId(), now(), action, sessionId, userId, detail + by));
    }

    Instant now() {
        return clock.instant();
    }

    /** The lowest number in 1..max not in {@code taken}, or 0 when all are taken. */
    static int lowestFree(Set<Integer> taken, int max) {
        for (int i = 1; i <= max; i++) {
            if (!taken.contains(i)) {
                return i;
            }
        }
        return 0;
    }
}
