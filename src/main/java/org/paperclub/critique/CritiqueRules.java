package org.paperclub.critique;

import org.paperclub.course.Course;
import org.paperclub.course.ClassSession;
import org.paperclub.system.LowestFree;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How many critiques a student hands in per session: a new paper takes a free place among the course's
 * {@code critiquesPerSession}; a re-upload keeps its place. Pure functions of the student's critiques of the session.
 */
final class CritiqueRules {

    private CritiqueRules() {
    }

    /** The place of a new critique among the session's places, or 0 when the student has used them all. */
    static int freePlace(Course course, Set<Integer> taken) {
        return LowestFree.of(taken, course.critiquesPerSession());
    }

    /** Why a further critique of the session is refused, naming the papers already handed in. */
    static String sessionFull(Course course, ClassSession session, List<String> handedInTitles) {
        String other = handedInTitles.stream().map(t -> "“" + t + "”").collect(Collectors.joining(", "));
        return "You already handed in a critique of " + other + " for session " + session.number() + "; "
                + (course.critiquesPerSession() == 1 ? "one critique per session"
                : "at most " + course.critiquesPerSession() + " per session") + ". Re-upload that one instead.";
    }
}
