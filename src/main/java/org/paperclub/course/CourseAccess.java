package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.Viewer;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.util.List;

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
        return member(Viewer.id(auth), courseId);
    }

    /** The user's role in the course, for a caller known otherwise than by a session (a calendar link's owner). */
    public CourseRole member(long userId, long courseId) {
        Course course = courses.findById(courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no course " + courseId + "."));
        return people.roleIn(userId, course.id())
                .orElseThrow(() -> ProblemException.forbidden("You are not enrolled in " + course.code() + "."));
    }

    /**
     * {@link #member(Authentication, long)} for the schedule's reads: the caller must be enrolled in the course (as
     * anyone); answers the version of the course's schedule, read by the same lookup that finds the course.
     */
    public long memberAtScheduleVersion(Authentication auth, long courseId) {
        long version = courses.scheduleVersion(courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no course " + courseId + "."));
        if (people.roleIn(Viewer.id(auth), courseId).isEmpty()) {
            member(auth, courseId);   // says why, by the course's code
        }
        return version;
    }

    /**
     * The student a request acts for, when staff must name one: a student acts for themselves (naming someone else
     * is 403, {@code onlyOwn}); staff act for the student they name, and naming nobody is 422 ({@code sayWhich},
     * with {@code required} on the field {@code studentId}).
     */
    public long studentFor(Authentication auth, CourseRole role, @Nullable Long named, String onlyOwn, String sayWhich,
                           String required) {
        Long student = studentOrEveryone(auth, role, named, onlyOwn);
        if (student == null) {
            throw ProblemException.invalid(sayWhich, List.of(new Problem.Violation("studentId", required)));
        }
        return student;
    }

    /**
     * The student a request acts for, when staff may ask about the whole course: a student acts for themselves
     * (naming someone else is 403, {@code onlyOwn}); staff for the student they name, or for everyone (null).
     */
    @Nullable
    public Long studentOrEveryone(Authentication auth, CourseRole role, @Nullable Long named, String onlyOwn) {
        long caller = Viewer.id(auth);
        if (role.isStaff()) {
            return named;
        }
        if (named != null && named != caller) {
            throw ProblemException.forbidden(onlyOwn);
        }
        return caller;
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
