package org.paperclub.signup;

import org.paperclub.course.Course;
import org.paperclub.course.ClassSession;
import org.paperclub.course.SessionKind;
import org.paperclub.course.SupportingRole;
import org.paperclub.system.LowestFree;
import org.paperclub.system.ProblemException;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sign-up rules of the role-playing format (Cornell CS 6785), generalised by the course policies: when
 * students may change their sign-ups, which sessions have supporting roles, and how those sessions form the
 * blocks in each of which every student holds a role; and the counting rules of a sign-up (a free slot or seat,
 * team size, presentations per student, one role per session, no role where you present). Each is a pure function
 * of what {@code SignupService} loaded under its locks; a broken rule is a {@link ProblemException} whose sentence
 * the student sees. The database's unique keys are the last guard (see V2).
 */
final class SignupRules {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private SignupRules() {
    }

    /** Supporting roles are played in held presentation sessions. */
    static boolean hasRoles(ClassSession s) {
        return s.kind() == SessionKind.PRESENTATION;
    }

    static Instant freezesAt(Course course, ClassSession s) {
        return s.startsAt(course.zone()).minusHours(course.signupFreezeHours()).toInstant();
    }

    static boolean frozen(Course course, ClassSession s, Instant now) {
        return !now.isBefore(freezesAt(course, s));
    }

    /** Whether {@link #studentMayChange} lets a student's change through now. */
    static boolean open(Course course, ClassSession s, Instant now) {
        return open(course.signupOpensAt(), s.startsAt(course.zone()), course.signupFreezeHours(), now);
    }

    /** {@link #open} from the three columns it reads (a full role's answer reads only those). */
    static boolean open(Instant opensAt, ZonedDateTime startsAt, int freezeHours, Instant now) {
        return (opensAt == null || !now.isBefore(opensAt)) && now.isBefore(startsAt.minusHours(freezeHours).toInstant());
    }

    /** Refuses a student's change when sign-ups are not open yet or the session is frozen (staff are not bound). */
    static void studentMayChange(Course course, ClassSession s, Instant now) {
        if (course.signupOpensAt() != null && now.isBefore(course.signupOpensAt())) {
            throw ProblemException.conflict("Sign-ups open on " + WHEN.format(course.signupOpensAt().atZone(course.zone())) + ".");
        }
        if (frozen(course, s, now)) {
            ZonedDateTime at = freezesAt(course, s).atZone(course.zone());
            throw ProblemException.conflict("Sign-ups for session " + s.number() + " froze on " + WHEN.format(at) + " ("
                    + course.signupFreezeHours() + " hours before class); ask your instructor or TA to change them.");
        }
    }

    /**
     * Whether the partner could still accept an invitation to this session: it is held and open to students. Past
     * the freeze, or once cancelled, the invitation has expired: the team presents as it stands, and declining it
     * changes nothing for them.
     */
    static boolean invitationOpen(Course course, ClassSession s, Instant now) {
        return s.held() && open(course, s, now);
    }

    static void held(ClassSession s) {
        if (!s.held()) {
            throw ProblemException.conflict("Session " + s.number() + " is cancelled; nobody can sign up for it.");
        }
    }

    /**
     * The blocks of the term: the sessions with roles in date order, cut into groups of {@code roleBlockSize}
     * (cancelled sessions are not counted). A last, shorter group is a block too. A course without supporting
     * roles has no blocks: its presentation sessions leave nothing to cover.
     */
    static List<List<ClassSession>> blocks(Course course, List<ClassSession> sessions, boolean courseHasRoles) {
        if (!courseHasRoles) {
            return List.of();
        }
        List<ClassSession> withRoles = sessions.stream().filter(SignupRules::hasRoles)
                .sorted(Comparator.comparing(ClassSession::date).thenComparing(ClassSession::startTime).thenComparing(ClassSession::number))
                .toList();
        List<List<ClassSession>> blocks = new ArrayList<>();
        int size = Math.max(1, course.roleBlockSize());
        for (int i = 0; i < withRoles.size(); i += size) {
            blocks.add(withRoles.subList(i, Math.min(withRoles.size(), i + size)));
        }
        return blocks;
    }

    /** The index of each session's block, by session id (sessions without roles are in none). */
    static Map<Long, Integer> blockOf(List<List<ClassSession>> blocks) {
        Map<Long, Integer> out = new HashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            for (ClassSession s : blocks.get(i)) {
                out.put(s.id(), i);
            }
        }
        return out;
    }

    static String blockName(List<ClassSession> block) {
        return block.size() == 1 ? "session " + block.get(0).number()
                : "sessions " + block.get(0).number() + "–" + block.get(block.size() - 1).number();
    }

    // Presentations

    static void hasPresentationSlots(ClassSession s) {
        if (s.presentationSlots() == 0) {
            throw ProblemException.conflict("Session " + s.number() + " has no presentation slots.");
        }
    }

    /** A paper off the official list waits for approval, unless staff sign the team up. */
    static PresentationStatus statusOfNewTeam(boolean officialPaper, boolean byStaff) {
        return officialPaper || byStaff ? PresentationStatus.CONFIRMED : PresentationStatus.PROPOSED;
    }

    static void notInTeamYet(String name, boolean inTeam, String paperTitle) {
        if (inTeam) {
            throw ProblemException.conflict(name + " is already in the team presenting “" + paperTitle + "”.");
        }
    }

    /**
     * A partner accepting an invitation joins the team only if the rules allow it now, as if they signed up
     * themselves: the session is held and not frozen (checked by the caller), they are not in the team yet, they have
     * a presentation left, they hold no role in that session, and the team has a free place.
     */
    static void partnerMayJoin(Course course, ClassSession s, String name, String paperTitle, boolean inTeam, int alreadyPresents,
                               boolean holdsRole, int teamSize) {
        notInTeamYet(name, inTeam, paperTitle);
        presentationLeft(course, name, alreadyPresents);
        presenterHoldsNoRole(name, s, holdsRole);
        teamHasRoom(course, s, paperTitle, false, teamSize, 1);
    }

    /** A student presents {@code presentationsPerStudent} times in the course, no more. */
    static void presentationLeft(Course course, String name, int alreadyPresents) {
        if (alreadyPresents >= course.presentationsPerStudent()) {
            throw ProblemException.conflict(name + (course.presentationsPerStudent() == 1
                    ? " already presents in this course (each student presents once)."
                    : " already presents " + alreadyPresents + " times, as many as this course asks."));
        }
    }

    /** A presenter takes no supporting role in the session they present in (seen from the presentation side). */
    static void presenterHoldsNoRole(String name, ClassSession s, boolean holdsRole) {
        if (holdsRole) {
            throw ProblemException.conflict(name + " holds a supporting role in session " + s.number()
                    + "; a presenter cannot also take a supporting role there. Withdraw from the role first.");
        }
    }

    /** A team has at most {@code maxTeamSize} members: {@code current} already in it and {@code joining} more. */
    static void teamHasRoom(Course course, ClassSession s, String paperTitle, boolean newTeam, int current, int joining) {
        if (current + joining > course.maxTeamSize()) {
            throw ProblemException.conflict(newTeam
                    ? "A team has at most " + course.maxTeamSize() + (course.maxTeamSize() == 1 ? " member." : " members.")
                    : "The team presenting “" + paperTitle + "” in session " + s.number() + " is full ("
                    + current + " of " + course.maxTeamSize() + ").");
        }
    }

    /** The lowest free presentation slot of the session. */
    static int freeSlot(ClassSession s, Set<Integer> taken) {
        int slot = LowestFree.of(taken, s.presentationSlots());
        if (slot == 0) {
            throw ProblemException.conflict("All " + s.presentationSlots() + " presentation slots of session "
                    + s.number() + " are taken (" + taken.size() + " of " + s.presentationSlots() + ").");
        }
        return slot;
    }

    // Supporting roles

    static void playsRoles(ClassSession s) {
        if (!hasRoles(s)) {
            throw ProblemException.conflict("Session " + s.number() + " is not a presentation session; it has no supporting roles.");
        }
    }

    /**
     * A student takes at most one supporting role per session. {@code who} is "You" when students act for
     * themselves; with {@code replace} the held role is given up for the new one (a switch).
     */
    static void oneRolePerSession(String who, ClassSession s, String heldRole, boolean sameRole, String newRole, boolean replace) {
        String holds = who + (who.equals("You") ? " already hold " : " already holds ") + heldRole + " in session " + s.number();
        if (sameRole) {
            throw ProblemException.conflict(holds + ".");
        }
        if (!replace) {
            throw ProblemException.conflict(holds + "; a student takes at most one supporting role per session. "
                    + "To change it, switch to " + newRole + " instead.");
        }
    }

    /** A student who presents in a session takes no supporting role there. */
    static void noRoleWherePresenting(String who, ClassSession s, boolean presents) {
        if (presents) {
            throw ProblemException.conflict(who + (who.equals("You") ? " present" : " presents") + " in session "
                    + s.number() + "; a presenter cannot also take a supporting role there.");
        }
    }

    /** The lowest free seat of the role in the session: a role has {@code capacity} seats. */
    static int freeSeat(SupportingRole role, ClassSession s, Set<Integer> taken) {
        int seat = LowestFree.of(taken, role.capacity());
        if (seat == 0) {
            throw full(role.name(), s.number(), taken.size(), role.capacity());
        }
        return seat;
    }

    /** A role with no free seat in the session. */
    static ProblemException full(String roleName, int sessionNumber, int taken, int capacity) {
        return ProblemException.conflict(roleName + " for session " + sessionNumber + " is full (" + taken + " of " + capacity + ").");
    }
}
