package org.paperclub.course;

import java.util.Map;

/**
 * Who calls a course endpoint that may be called without a session, named by {@link CourseMember#caller()}: a
 * bean that finds the user from the endpoint's arguments (a calendar link's secret token), or refuses with 401 and
 * a sentence saying how to get in.
 */
public interface CourseCaller {

    /** The id of the user making the call, from the endpoint's arguments by parameter name. */
    long userId(Map<String, Object> arguments);
}
