package org.paperclub.signup;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.Paper;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.SupportingRole;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.signup.SignupViews.Person;
import org.paperclub.signup.SignupViews.PresentationView;
import org.paperclub.signup.SignupViews.RoleSignupView;
import org.paperclub.system.LowestFree;
import org.paperclub.system.ProblemException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    private final PresentationInvitationRepository invitations;
    private final SignupNotices notices;
    private final Clock clock;
    private final FullRoles fullRoles;
    private final TransactionOperations<Connection> transactions;

    SignupService(CourseService courses, ScheduleService schedule, PeopleService people,
                  PresentationRepository presentations, PresentationMemberRepository members,
                  RoleSignupRepository roleSignups, SignupEventRepository events,
                  PresentationInvitationRepository invitations, SignupNotices notices, Clock clock,
                  FullRoles fullRoles, TransactionOperations<Connection> transactions) {
        this.fullRoles = fullRoles;
        this.transactions = transactions;
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.presentations = presentations;
        this.members = members;
        this.roleSignups = roleSignups;
        this.events = events;
        this.invitations = invitations;
        this.notices = notices;
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
     * until staff approve it, unless staff make the sign-up. A partner named by a student is not signed up but
     * asked: they join when they accept ({@link #answerInvitation}); a partner named by staff joins at once.
     */
    @Transactional
    PresentationView present(long courseId, long sessionId, Actor actor, long studentId, long paperId, Long partnerId) {
        Course course = courses.get(courseId);
        ClassSession session = schedule.lockSession(courseId, sessionId);
        SignupRules.held(session);
        if (!actor.staff()) {
            SignupRules.studentMayChange(course, session, now());
        }
        SignupRules.hasPresentationSlots(session);
        Paper paper = schedule.requirePaper(courseId, paperId);
        List<Long> team = new ArrayList<>(List.of(studentId));
        Long invitee = null;
        if (partnerId != null && partnerId != studentId) {
            if (actor.staff()) {
                team.add(partnerId);
            } else {
                invitee = partnerId;
            }
        }
        Names names = new Names(people);
        List<Long> locked = new ArrayList<>(team);
        if (invitee != null) {
            locked.add(invitee);   // only to check that the partner is a student here; their rules apply when they accept
        }
        locked.stream().sorted().forEach(id -> lockStudent(courseId, id, names));

        Presentation existing = presentations.findBySessionIdAndPaperId(sessionId, paperId).orElse(null);
        List<PresentationMember> current = existing == null ? List.of() : members.findByPresentationId(existing.id());
        for (long id : team) {
            SignupRules.notInTeamYet(names.of(id), current.stream().anyMatch(m -> m.userId() == id), paper.title());
            SignupRules.presentationLeft(course, names.of(id), members.findByCourseIdAndUserId(courseId, id).size());
            SignupRules.presenterHoldsNoRole(names.of(id), session, roleSignups.findBySessionIdAndUserId(sessionId, id).isPresent());
        }
        SignupRules.teamHasRoom(course, session, paper.title(), existing == null, current.size(), team.size());
        Presentation presentation = existing;
        if (presentation == null) {
            Set<Integer> taken = presentations.findBySessionId(sessionId).stream().map(Presentation::slot).collect(Collectors.toSet());
            int slot = SignupRules.freeSlot(session, taken);
            PresentationStatus status = SignupRules.statusOfNewTeam(paper.official(), actor.staff());
            presentation = presentations.save(new Presentation(null, courseId, sessionId, paperId, slot, status, actor.userId(), now(),
                    schedule.readingKind(sessionId, paperId).isPresent()));
        }
        Set<Integer> places = current.stream().map(PresentationMember::place).collect(Collectors.toCollection(HashSet::new));
        for (long id : team) {
            int place = LowestFree.of(places, course.maxTeamSize());
            places.add(place);
            Set<Integer> turns = members.findByCourseIdAndUserId(courseId, id).stream().map(PresentationMember::turn).collect(Collectors.toSet());
            members.save(new PresentationMember(null, presentation.id(), courseId, id, place, LowestFree.of(turns, course.presentationsPerStudent())));
            record(courseId, actor, "PRESENT", sessionId, id, names.of(id) + (existing == null ? " signed up" : " joined the team")
                    + " to present “" + paper.title() + "” in session " + session.number()
                    + (presentation.status() == PresentationStatus.PROPOSED ? " (proposed: awaits approval)" : ""), names);
        }
        if (actor.staff()) {
            notices.changedByStaff(course, session, "Signed up to present: Session " + session.number(), names.of(actor.userId()),
                    "signed you up to present “" + paper.title() + "” in session " + session.number(), true, team);
        }
        if (invitee != null) {
            long asked = invitee;
            SignupRules.notInTeamYet(names.of(asked), current.stream().anyMatch(m -> m.userId() == asked), paper.title());
            if (invitations.findByPresentationIdAndUserId(presentation.id(), asked).isEmpty()) {
                invitations.save(new PresentationInvitation(null, presentation.id(), courseId, asked, studentId, now()));
                notices.invited(course, session, paper.title(), names.of(studentId), asked);
            }
            events.save(new SignupEvent(null, courseId, actor.userId(), now(), "INVITE", sessionId, asked, names.of(studentId)
                    + " asked " + names.of(asked) + " to present “" + paper.title() + "” together in session " + session.number()
                    + "; " + names.of(asked) + " joins on accepting it on the sign-up board"));
        }
        return view(course, presentation, names);
    }

    /**
     * The partner answers an invitation. Accepting joins the team under the same locks and rules as signing up
     * (the session row, then the partner's enrollment; the freeze, team size, presentations per student, no role in
     * that session); a refused acceptance keeps the invitation, so the partner can try again after making room.
     * Declining removes it. Either answer tells the student who asked, in this transaction (README, "Notifications").
     */
    @Transactional
    PresentationView answerInvitation(long courseId, long invitationId, Actor actor, boolean accept) {
        Course course = courses.get(courseId);
        PresentationInvitation found = invitations.findByIdAndCourseId(invitationId, courseId)
                .filter(i -> i.userId() == actor.userId())
                .orElseThrow(() -> ProblemException.notFound("You have no invitation " + invitationId + " in this course."));
        Presentation presentation = presentations.findByIdAndCourseId(found.presentationId(), courseId)
                .orElseThrow(() -> ProblemException.notFound("That team no longer exists."));
        ClassSession session = schedule.lockSession(courseId, presentation.sessionId());
        // Read again under the session's lock: a parallel answer, or the team leaving, may have removed it.
        PresentationInvitation invitation = invitations.findById(invitationId)
                .orElseThrow(() -> ProblemException.conflict("This invitation has already been answered or withdrawn."));
        Names names = new Names(people);
        String title = schedule.requirePaper(courseId, presentation.paperId()).title();
        long partner = invitation.userId();
        List<PresentationMember> current = members.findByPresentationId(presentation.id());
        // The asker hears the answer only while it matters to them: they are still in the team, and it could still
        // have been accepted (not expired). A withdrawn invitation never gets here: it went with the team.
        long asker = invitation.invitedBy();
        boolean askerWaits = current.stream().anyMatch(m -> m.userId() == asker);
        if (!accept) {
            invitations.delete(invitation);
            events.save(new SignupEvent(null, courseId, actor.userId(), now(), "DECLINE_INVITATION", session.id(),
                    asker, names.of(partner) + " declined to present “" + title + "” with "
                    + names.of(asker) + " in session " + session.number()));
            if (askerWaits && SignupRules.invitationOpen(course, session, now())) {
                notices.partnerDeclined(course, session, title, names.of(partner), current.size() < course.maxTeamSize(), asker);
            }
            return null;
        }
        SignupRules.held(session);
        SignupRules.studentMayChange(course, session, now());
        lockStudent(courseId, partner, names);
        SignupRules.partnerMayJoin(course, session, names.of(partner), title, current.stream().anyMatch(m -> m.userId() == partner),
                members.findByCourseIdAndUserId(courseId, partner).size(),
                roleSignups.findBySessionIdAndUserId(session.id(), partner).isPresent(), current.size());
        Set<Integer> places = current.stream().map(PresentationMember::place).collect(Collectors.toSet());
        Set<Integer> turns = members.findByCourseIdAndUserId(courseId, partner).stream().map(PresentationMember::turn).collect(Collectors.toSet());
        members.save(new PresentationMember(null, presentation.id(), courseId, partner, LowestFree.of(places, course.maxTeamSize()),
                LowestFree.of(turns, course.presentationsPerStudent())));
        invitations.delete(invitation);
        record(courseId, actor, "PRESENT", session.id(), partner, names.of(partner) + " accepted and joined the team to present “"
                + title + "” in session " + session.number(), names);
        if (askerWaits) {
            notices.partnerAccepted(course, session, title, names.of(partner), asker);
        }
        return view(course, presentation, names);
    }

    /** A student leaves their team (the team goes when its last member leaves); staff remove a member or the team. */
    @Transactional
    void withdrawPresentation(long courseId, long sessionId, long presentationId, Actor actor, Long studentId) {
        Course course = courses.get(courseId);
        ClassSession session = schedule.lockSession(courseId, sessionId);
        Presentation presentation = presentations.findByIdAndCourseId(presentationId, courseId)
                .filter(p -> p.sessionId() == sessionId)
                .orElseThrow(() -> ProblemException.notFound("Session " + session.number() + " has no presentation " + presentationId + "."));
        Names names = new Names(people);
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
            throw ProblemException.notFound(names.of(leaving, "That student") + " is not in this team.");
        }
        members.deleteAll(removed);
        if (removed.size() == team.size()) {
            presentations.delete(presentation);
        }
        for (PresentationMember m : removed) {
            record(courseId, actor, "WITHDRAW_PRESENTATION", sessionId, m.userId(), names.of(m.userId())
                    + " no longer presents “" + title + "” in session " + session.number(), names);
        }
        if (actor.staff()) {
            notices.changedByStaff(course, session, "Removed from a presentation: Session " + session.number(),
                    names.of(actor.userId()), "removed you from the team presenting “" + title + "” in session " + session.number(),
                    false, removed.stream().map(PresentationMember::userId).toList());
        }
    }

    /** Staff approve a proposed paper (the team keeps its slot) or decline it (the slot is freed, the team told). */
    @Transactional
    PresentationView decide(long courseId, long presentationId, Actor actor, boolean approve, String reason) {
        Course course = courses.get(courseId);
        Presentation presentation = presentations.findByIdAndCourseId(presentationId, courseId)
                .orElseThrow(() -> ProblemException.notFound("This course has no presentation " + presentationId + "."));
        ClassSession session = schedule.lockSession(courseId, presentation.sessionId());
        if (presentation.status() != PresentationStatus.PROPOSED) {
            throw ProblemException.conflict("This presentation is not waiting for approval.");
        }
        Names names = new Names(people);
        String title = schedule.requirePaper(courseId, presentation.paperId()).title();
        List<PresentationMember> team = members.findByPresentationId(presentationId);
        if (approve) {
            Presentation approved = presentations.update(presentation.withStatus(PresentationStatus.CONFIRMED));
            team.forEach(m -> record(courseId, actor, "APPROVE", session.id(), m.userId(), "The proposal of “" + title
                    + "” for session " + session.number() + " was approved", names));
            notices.decided(course, session, title, names.of(actor.userId()), true, null,
                    team.stream().map(PresentationMember::userId).toList());
            return view(course, approved, names);
        }
        members.deleteAll(team);
        presentations.delete(presentation);
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.trim();
        team.forEach(m -> record(courseId, actor, "DECLINE", session.id(), m.userId(), "The proposal of “" + title
                + "” for session " + session.number() + " was declined" + why + ". Please choose another paper", names));
        notices.decided(course, session, title, names.of(actor.userId()), false, reason,
                team.stream().map(PresentationMember::userId).toList());
        return null;
    }

    // Supporting roles

    RoleSignupView takeRole(long courseId, long sessionId, long roleId, Actor actor, long studentId) {
        return takeRole(courseId, sessionId, roleId, actor, studentId, false);
    }

    /**
     * Takes a seat of the role; with {@code replace}, a student who holds another role in the session gives it up in
     * the same transaction (a switch, audited as one line), so a refused switch leaves the old role in place. A role
     * already full is answered before the transaction begins ({@link FullRoles}).
     */
    RoleSignupView takeRole(long courseId, long sessionId, long roleId, Actor actor, long studentId, boolean replace) {
        fullRoles.refuseIfFull(courseId, sessionId, roleId, actor, studentId);
        return transactions.executeWrite(status -> takeRole(courseId, sessionId, roleId, actor, studentId, replace, true));
    }

    /** @param tell whether a student whose seat staff give is told (a move tells once, of both ends) */
    private RoleSignupView takeRole(long courseId, long sessionId, long roleId, Actor actor, long studentId, boolean replace,
                                    boolean tell) {
        Course course = courses.get(courseId);
        // Read before the session's lock: what a sign-up reads under it is only what other sign-ups change.
        SupportingRole role = courses.role(courseId, roleId);
        Names names = new Names(people);
        ClassSession session = schedule.lockSession(courseId, sessionId);
        SignupRules.held(session);
        SignupRules.playsRoles(session);
        if (!actor.staff()) {
            SignupRules.studentMayChange(course, session, now());
        }
        String who = studentId == actor.userId() ? "You" : names.of(studentId);
        // One read of the session's few role seats gives the student's own and this role's taken ones. Every change
        // to them, and to the session's presentations, holds the session's lock, so they stand until the commit.
        List<RoleSignup> seated = roleSignups.findBySessionId(sessionId);
        RoleSignup previous = seated.stream().filter(r -> r.userId() == studentId).findFirst().orElse(null);
        if (previous != null) {
            SignupRules.oneRolePerSession(who, session, courses.role(courseId, previous.roleId()).name(),
                    previous.roleId() == roleId, role.name(), replace);
        }
        SignupRules.noRoleWherePresenting(who, session, !members.findInSession(sessionId, studentId).isEmpty());
        int seat = SignupRules.freeSeat(role, session, seated.stream().filter(r -> r.roleId() == roleId)
                .map(RoleSignup::seat).collect(Collectors.toSet()));
        // The student's enrollment, still after the session (README, "Locks"): a full seat is answered without it.
        lockStudent(courseId, studentId, names);
        if (previous != null) {
            // Freed first: (session, student) is unique, and both rows change under the same locks.
            roleSignups.delete(previous);
        }
        RoleSignup saved = roleSignups.save(new RoleSignup(null, courseId, sessionId, roleId, studentId, seat, actor.userId(), now()));
        if (previous == null) {
            record(courseId, actor, "TAKE_ROLE", sessionId, studentId, names.of(studentId) + " took " + role.name()
                    + " in session " + session.number(), names);
        } else {
            record(courseId, actor, "SWITCH_ROLE", sessionId, studentId, names.of(studentId) + " switched from "
                    + courses.role(courseId, previous.roleId()).name() + " to " + role.name() + " in session " + session.number(), names);
        }
        if (tell && actor.staff() && studentId != actor.userId()) {
            notices.changedByStaff(course, session, "Role " + (previous == null ? "assigned" : "changed") + ": Session " + session.number(),
                    names.of(actor.userId()), previous == null ? "signed you up as " + role.name() + " in session " + session.number()
                            : "moved you from " + courses.role(courseId, previous.roleId()).name() + " to " + role.name() + " in session "
                            + session.number(), true, List.of(studentId));
        }
        return new RoleSignupView(saved.id(), sessionId, roleId, role.name(), studentId, names.of(studentId), seat);
    }

    @Transactional
    void dropRole(long courseId, long sessionId, long roleId, long signupId, Actor actor) {
        dropRole(courseId, sessionId, roleId, signupId, actor, true);
    }

    private void dropRole(long courseId, long sessionId, long roleId, long signupId, Actor actor, boolean tell) {
        Course course = courses.get(courseId);
        ClassSession session = schedule.lockSession(courseId, sessionId);
        RoleSignup signup = roleSignups.findByIdAndCourseId(signupId, courseId)
                .filter(s -> s.sessionId() == sessionId && s.roleId() == roleId)
                .orElseThrow(() -> ProblemException.notFound("There is no such role sign-up in session " + session.number() + "."));
        if (!actor.staff()) {
            if (signup.userId() != actor.userId()) {
                throw ProblemException.forbidden("You can withdraw only your own sign-ups.");
            }
            SignupRules.studentMayChange(course, session, now());
        }
        Names names = new Names(people);
        roleSignups.delete(signup);
        record(courseId, actor, "DROP_ROLE", sessionId, signup.userId(), names.of(signup.userId()) + " no longer holds "
                + courses.role(courseId, roleId).name() + " in session " + session.number(), names);
        if (tell && actor.staff() && signup.userId() != actor.userId()) {
            notices.changedByStaff(course, session, "Role removed: Session " + session.number(), names.of(actor.userId()),
                    "removed you from " + courses.role(courseId, roleId).name() + " in session " + session.number(), false,
                    List.of(signup.userId()));
        }
    }

    /** Staff move a role sign-up to another session or role in one step: the old seat is kept if the new one fails. */
    @Transactional
    RoleSignupView moveRole(long courseId, long sessionId, long roleId, long signupId, Actor actor, long toSessionId, long toRoleId) {
        RoleSignup signup = roleSignups.findByIdAndCourseId(signupId, courseId)
                .filter(s -> s.sessionId() == sessionId && s.roleId() == roleId)
                .orElseThrow(() -> ProblemException.notFound("There is no such role sign-up."));
        // Both sessions first, in id order: two opposite moves at the same moment otherwise each held one and waited
        // for the other, and PostgreSQL refused one of them to break the deadlock (SignupConcurrencyTest).
        schedule.lockSession(courseId, Math.min(sessionId, toSessionId));
        if (toSessionId != sessionId) {
            schedule.lockSession(courseId, Math.max(sessionId, toSessionId));
        }
        dropRole(courseId, sessionId, roleId, signupId, actor, false);
        RoleSignupView moved = takeRole(courseId, toSessionId, toRoleId, actor, signup.userId(), false, false);
        if (actor.staff() && signup.userId() != actor.userId()) {
            Course course = courses.get(courseId);
            ClassSession from = schedule.requireSession(courseId, sessionId);
            ClassSession to = schedule.requireSession(courseId, toSessionId);
            notices.changedByStaff(course, to, "Role moved: Session " + from.number()
                    + (from.number() == to.number() ? "" : " → Session " + to.number()), new Names(people).of(actor.userId()),
                    "moved you from " + courses.role(courseId, roleId).name() + " in session " + from.number() + " to "
                            + moved.roleName() + " in session " + to.number(), true, List.of(signup.userId()));
        }
        return moved;
    }

    // Shared

    /**
     * Names looked up one by one as messages need them: a sign-up names two or three people, and loading the
     * roster of a 500-student course for that was most of a sign-up's cost.
     */
    static final class Names {
        private final PeopleService people;
        private final Map<Long, String> known = new HashMap<>();

        Names(PeopleService people) {
            this.people = people;
        }

        /** The user's name, loaded on the first ask ("someone" for an unknown id). */
        String of(long userId) {
            return known.computeIfAbsent(userId, id -> people.user(id).map(u -> u.name()).orElse("someone"));
        }

        String of(Long userId, String fallback) {
            return userId == null ? fallback : of(userId);
        }
    }

    List<RosterEntry> students(long courseId) {
        return people.activeStudents(courseId);
    }

    private void lockStudent(long courseId, long userId, Names names) {
        CourseRole role = people.lockEnrollment(courseId, userId)
                .orElseThrow(() -> ProblemException.notFound("User " + userId + " is not enrolled in this course."));
        if (role != CourseRole.STUDENT) {
            throw ProblemException.conflict(names.of(userId, "That person") + " is not a student of this course; only students sign up.");
        }
    }

    PresentationView view(Course course, Presentation p, Names names) {
        Paper paper = schedule.requirePaper(course.id(), p.paperId());
        ClassSession session = schedule.requireSession(course.id(), p.sessionId());
        List<Person> team = members.findByPresentationId(p.id()).stream()
                .sorted(Comparator.comparing(PresentationMember::place))
                .map(m -> new Person(m.userId(), names.of(m.userId()))).toList();
        List<Person> invited = invitations.findByPresentationId(p.id()).stream()
                .map(i -> new Person(i.userId(), names.of(i.userId()))).toList();
        return new PresentationView(p.id(), p.sessionId(), session.number(), paper.id(), paper.title(), paper.official(),
                p.status(), p.slot(), team, course.maxTeamSize(), List.of(), invited);
    }

    private void record(long courseId, Actor actor, String action, Long sessionId, Long userId, String detail, Names names) {
        String by = actor.userId() == (userId == null ? -1 : userId) ? "" : " (by " + names.of(actor.userId(), "staff") + ")";
        events.save(new SignupEvent(null, courseId, actor.userId(), now(), action, sessionId, userId, detail + by));
    }

    Instant now() {
        return clock.instant();
    }

}
