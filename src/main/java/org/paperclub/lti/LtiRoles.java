package org.paperclub.lti;

import org.paperclub.people.CourseRole;

import java.util.List;
import java.util.Optional;

/**
 * What an LMS's context roles (LTI Core 1.3, appendix A.2: the LIS v2 membership vocabulary) make someone in the linked
 * course. One mapping for the launch and the roster sync, so that a person is the same thing either way.
 * <p>
 * Only context roles count: an institution or system role ("…/institution/person#Instructor": a faculty member of the
 * university) says nothing of this course. The simple names ("Instructor") that LTI Core allows for context roles, and
 * that NRPS examples use, are read as the full URIs. A sub-role implies its principal role, so a teaching assistant
 * (or grader) whom the platform also lists as Instructor is a TA.
 */
public final class LtiRoles {

    static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String SUB_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership/";

    private LtiRoles() {
    }

    /** The course role for these LTI roles; none when they name no role this course has (a Mentor, a guest). */
    public static Optional<CourseRole> of(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.empty();
        }
        boolean instructor = false;
        boolean ta = false;
        boolean learner = false;
        for (String raw : roles) {
            if (raw == null) {
                continue;
            }
            String r = raw.strip();
            // A grader marks work without running the course: what a TA does here.
            if (r.equals(SUB_ROLE + "Instructor#TeachingAssistant") || r.equals("Instructor#TeachingAssistant")
                    || r.equals(MEMBERSHIP + "TeachingAssistant") || r.equals(SUB_ROLE + "Instructor#Grader")) {
                ta = true;
            } else if (r.equals(MEMBERSHIP + "Instructor") || r.equals("Instructor")
                    || (r.startsWith(SUB_ROLE + "Instructor#"))) {
                instructor = true;
            } else if (r.equals(MEMBERSHIP + "Learner") || r.equals("Learner") || r.startsWith(SUB_ROLE + "Learner#")) {
                learner = true;
            }
        }
        if (ta) {
            return Optional.of(CourseRole.TA);
        }
        if (instructor) {
            return Optional.of(CourseRole.INSTRUCTOR);
        }
        return learner ? Optional.of(CourseRole.STUDENT) : Optional.empty();
    }
}
