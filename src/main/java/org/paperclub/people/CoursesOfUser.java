package org.paperclub.people;

import java.util.List;

/**
 * The courses part of "who am I" ({@code /api/me} and the sign-in answer). Courses are the course package's, which
 * already depends on people; people asks through this interface, which the course package implements, so that
 * the dependency runs one way only.
 */
public interface CoursesOfUser {

    /** The user's courses with their role in each, as the course package shows them. */
    List<?> coursesOf(long userId);
}
