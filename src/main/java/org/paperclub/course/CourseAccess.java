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
import java.util.Optional;

/**
 * Who may do what in a course. Endpoints under {@code /api/courses/{courseId}} say who may call them with
 * {@link CourseMember}, {@link CourseStaff} or {@link CourseInstructor}; {@link CourseGate} checks that before the
 * method runs, by {@link #admit}: a course that does not exist is 404, a course the caller is not part of (or was
 * withdrawn from) 403, a student asking for a staff action 403 with the reason. What the gate found (who calls, in
 * which role) is then {@link #admitted(long)} to the method, for answers that differ by role, and for "staff act for a
 * student, a student for themselves" ({@link #studentFor}, {@link #studentOrEveryone}).
 */
@Singleton
public class CourseAccess {

    /** What the gate found for the call running on this thread (a controller method runs inside its gate). */
    private static final ThreadLocal<Admitted> CURRENT = new ThreadLocal<>();

    private final CourseRepository courses;
    private final ScheduleVersions versions;
    private final PeopleService people;

    CourseAccess(CourseRepository courses, ScheduleVersions versions, PeopleService people) {
        this.courses = courses;
        this.versions = versions;
        this.people = people;
    }

    /**
     * A caller let in to a course: who, in which role, and the version of the course's schedule, read by the same
     * lookup that found the course (the schedule's reads keep their answers per version).
     */
    public record Admitted(long userId, long courseId, CourseRole role, long scheduleVersion) {
    }

    /** The user must be enrolled in the course (as anyone, not withdrawn): the one yes/no of course membership. */
    Admitted admit(long userId, long courseId) {
        long version = versions.of(courseId)
                .orElseThrow(() -> ProblemException.notFound("There is no course " + courseId + "."));
        CourseRole role = people.callerRoleIn(userId, courseId).orElseThrow(() -> ProblemException.forbidden("You are not enrolled in "
                + courses.findById(courseId).map(Course::code).orElse("this course") + "."));
        return new Admitted(userId, courseId, role, version);
    }

    /** Makes {@code admitted} what the gate found for the call about to run on this thread; answers what was there before. */
    static Admitted enter(Admitted admitted) {
        Admitted previous = CURRENT.get();
        CURRENT.set(admitted);
        return previous;
    }

    /** The call has ended: what was there before it comes back. */
    static void leave(@Nullable Admitted previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /**
     * Who calls this endpoint of the course and in which role, as its gate let them in. Only for methods carrying
     * {@link CourseMember}, {@link CourseStaff} or {@link CourseInstructor}; anywhere else it is a programming error.
     */
    public Admitted admitted(long courseId) {
        Admitted admitted = CURRENT.get();
        if (admitted == null || admitted.courseId() != courseId) {
            throw new IllegalStateException("No course gate let this call into course " + courseId
                    + ": annotate the endpoint with @CourseMember, @CourseStaff or @CourseInstructor");
        }
        return admitted;
    }

    /** The caller's role in the course, as its gate found it ({@link #admitted(long)}). */
    public CourseRole role(long courseId) {
        return admitted(courseId).role();
    }

    /**
     * The caller's role in a course found from what an endpoint outside {@code /api/courses/{courseId}} was asked
     * for (a critique file by its id), or none when they are not enrolled in it (or were withdrawn). Such an endpoint
     * answers a non-member as if the thing did not exist: its course is not theirs to learn. Course endpoints use the
     * annotations.
     */
    public Optional<CourseRole> roleOf(Authentication auth, long courseId) {
        return people.roleIn(Viewer.id(auth), courseId);
    }

    /**
     * The student a request acts for, when staff must name one: a student acts for themselves (naming someone else
     * is 403, {@code onlyOwn}); staff act for the student they name, and naming nobody is 422 ({@code sayWhich},
     * with {@code required} on the field {@code studentId}).
     */
    public long studentFor(long courseId, @Nullable Long named, String onlyOwn, String sayWhich, String required) {
        Long student = studentOrEveryone(courseId, named, onlyOwn);
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
    public Long studentOrEveryone(long courseId, @Nullable Long named, String onlyOwn) {
        Admitted caller = admitted(courseId);
        if (caller.role().isStaff()) {
            return named;
        }
        if (named != null && named != caller.userId()) {
            throw ProblemException.forbidden(onlyOwn);
        }
        return caller.userId();
    }
}
