package org.paperclub.course;

import java.util.List;

/**
 * Implemented by features that add a lived-in term to the demo courses (sign-ups, critiques, grades), so that a
 * first look at Paperclub shows its pages at work. Runs once, right after the demo courses are loaded, unless
 * {@code PAPERCLUB_DEMO_ACTIVITY=false} (the tests start from empty courses).
 */
public interface DemoSeeder {

    /** Lower runs first: what other features' demo data hangs on (critiques, sign-ups) before the grades. */
    int order();

    /** @param students the demo students, in order (student1, student2, ...) */
    void seed(Course course, List<Long> students, long instructorId, long taId);
}
