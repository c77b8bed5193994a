package org.paperclub.course;

import java.util.List;

/**
 * Implemented by features that hang data on the schedule (sign-ups, critiques, grades). Before a session or a
 * paper is deleted, every guard says what it holds there; anything held refuses the delete with 409, so that
 * nobody's work disappears with a schedule edit (cancelling the session, kind NO_CLASS, keeps it).
 */
public interface ScheduleGuard {

    /** Plain-words descriptions of what this feature holds on the session ("3 critiques"), empty when nothing. */
    List<String> heldOnSession(long sessionId);

    /** Plain-words descriptions of what this feature holds on the paper, empty when nothing. */
    List<String> heldOnPaper(long paperId);

    /** Plain-words descriptions of what this feature holds on a supporting role, empty when nothing. */
    default List<String> heldOnRole(long roleId) {
        return List.of();
    }

    /** "3 critiques", "1 grade": what a guard says it holds; empty when {@code n} is 0. */
    static List<String> count(long n, String what) {
        return n == 0 ? List.of() : List.of(n + " " + what + (n == 1 ? "" : "s"));
    }
}
