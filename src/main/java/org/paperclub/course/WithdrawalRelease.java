package org.paperclub.course;

import java.time.Instant;
import java.util.List;

/**
 * Implemented by features that hold a student's place in sessions still to come (sign-ups). When a student is removed
 * from a course, each releases what the student holds in sessions that have not started by {@code now}, so that
 * others can take it; what is past stays, with the student's work.
 */
public interface WithdrawalRelease {

    /** Releases the student's places in sessions after {@code now}; plain-words descriptions of what was released. */
    List<String> release(long courseId, long studentId, long actorId, Instant now);
}
