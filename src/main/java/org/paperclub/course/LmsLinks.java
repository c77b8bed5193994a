package org.paperclub.course;

import java.util.Collection;
import java.util.Set;

/**
 * Which courses are linked to an LMS course (the lti package knows; course may not depend on it): the course view says
 * so, and the pages show the LMS panels only then, without asking.
 */
public interface LmsLinks {

    /** The ids among these of the courses linked to at least one LMS course. */
    Set<Long> linked(Collection<Long> courseIds);
}
