package org.paperclub.course;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.Viewer;
import org.paperclub.system.ProblemException;

/**
 * Decides who may do what in a course: the one place every course endpoint asks. A course that does not exist
 * is 404; a course the caller is not part of is 403; a student asking for a staff action is 403 with the reason.
 */
@Singleton
public class CourseAccess {

    private final CourseRepository courses;
    private final PeopleService people;

    CourseAccess(CourseRepository courses, PeopleService people) {
        this.courses = courses;
        this.people = people;
    }

    /** The caller's role in the course; they must be enrolled in it (as anyone). */
    public CourseRole member(Authentication auth, long courseId) {
        Course course = courses.findById(courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no course " + courseId + "."));
        return people.roleIn(Viewer.id(auth), course.id())
                .orElseThrow(() -> ProblemException.forbidden("You are not enrolled in " + course.code() + "."));
    }

    /** The caller must be an instructor or TA of the course; {@code action} completes "Only staff can ...". */
    public CourseRole staff(Authentication auth, long courseId, String action) {
        CourseRole role = member(auth, courseId);
        if (!role.isStaff()) {
            throw ProblemException.forbidden("Only the instructors and TAs of this course can " + action + ".");
        }
        return role;
    }

    /** The caller must be an instructor of the course (policies and staff are theirs alone). */
    public CourseRole instructor(Authentication auth, long courseId, String action) {
        CourseRole role = member(auth, courseId);
        if (role != CourseRole.INSTRUCTOR) {
            throw ProblemException.forbidden("Only the instructors of this course can " + action + ".");
        }
        return role;
    }
}
