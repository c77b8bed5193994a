package org.paperclub.course;

import java.util.Map;

/**
 * How many critiques each student of a course has handed in (implemented by the critique feature), so that the
 * policy warnings can say who can no longer reach the required number.
 */
public interface HandedInCounts {

    /** Student id to the number of critiques they handed in; students with none are left out. */
    Map<Long, Integer> byStudent(long courseId);
}
