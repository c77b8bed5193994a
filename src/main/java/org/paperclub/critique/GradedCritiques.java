package org.paperclub.critique;

import java.util.List;

/** Which critiques of a course have a grade: the grading feature answers it (it depends on this one, not back). */
public interface GradedCritiques {

    /** The ids of the critiques of the course that have a grade, draft or published. */
    List<Long> graded(long courseId);
}
