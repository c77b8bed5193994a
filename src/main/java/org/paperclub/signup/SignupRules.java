package org.paperclub.signup;

import org.paperclub.course.Course;
import org.paperclub.course.Session;
import org.paperclub.course.SessionKind;
import org.paperclub.system.ProblemException;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sign-up rules of the role-playing format (Cornell CS 6785), generalised by the course policies: when
 * students may change their sign-ups, which sessions have supporting roles, and how those sessions form the
 * blocks in each of which every student holds a role. The database enforces the counting rules (see V2).
 */
final class SignupRules {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM 'at' HH:mm", Locale.ENGLISH);

    private SignupRules() {
    }

    /** Supporting roles are played in held presentation sessions. */
    static boolean hasRoles(Session s) {
        return s.kind() == SessionKind.PRESENTATION;
    }

    static Instant freezesAt(Course course, Session s) {
        return s.startsAt(course.zone()).minusHours(course.signupFreezeHours()).toInstant();
    }

    static boolean frozen(Course course, Session s, Instant now) {
        return !now.isBefore(freezesAt(course, s));
    }

    /** Refuses a student's change when sign-ups are not open yet or the session is frozen (staff are not bound). */
    static void studentMayChange(Course course, Session s, Instant now) {
        if (course.signupOpensAt() != null && now.isBefore(course.signupOpensAt())) {
            throw ProblemException.conflict("Sign-ups open on " + WHEN.format(course.signupOpensAt().atZone(course.zone())) + ".");
        }
        if (frozen(course, s, now)) {
            ZonedDateTime at = freezesAt(course, s).atZone(course.zone());
            throw ProblemException.conflict("Sign-ups for session " + s.number() + " froze on " + WHEN.format(at) + " ("
                    + course.signupFreezeHours() + " hours before class); ask your instructor or TA to change them.");
        }
    }

    static void held(Session s) {
        if (!s.held()) {
            throw ProblemException.conflict("Session " + s.number() + " is cancelled; nobody can sign up for it.");
        }
    }

    /**
     * The blocks of the term: the sessions with roles in date order, cut into groups of {@code roleBlockSize}
     * (cancelled sessions are not counted). A last, shorter group is a block too. A course without supporting
     * roles has no blocks: its presentation sessions leave nothing to cover.
     */
    static List<List<Session>> blocks(Course course, List<Session> sessions, boolean courseHasRoles) {
        if (!courseHasRoles) {
            return List.of();
        }
        List<Session> withRoles = sessions.stream().filter(SignupRules::hasRoles)
                .sorted(Comparator.comparing(Session::date).thenComparing(Session::startTime).thenComparing(Session::number))
                .toList();
        List<List<Session>> blocks = new ArrayList<>();
        int size = Math.max(1, course.roleBlockSize());
        for (int i = 0; i < withRoles.size(); i += size) {
            blocks.add(withRoles.subList(i, Math.min(withRoles.size(), i + size)));
        }
        return blocks;
    }

    static String blockName(List<Session> block) {
        return block.size() == 1 ? "session " + block.get(0).number()
                : "sessions " + block.get(0).number() + "–" + block.get(block.size() - 1).number();
    }
}
