package org.paperclub.course;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;
import org.paperclub.people.Viewer;
import org.paperclub.system.ProblemException;

/** Staff end every session of someone in their course, e.g. after a shared or stolen laptop. */
@Controller("/api/courses/{courseId}/roster/{userId}/sign-out")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Roster")
class SignOutController {

    private final PeopleService people;
    private final CourseAccess access;

    SignOutController(PeopleService people, CourseAccess access) {
        this.people = people;
        this.access = access;
    }

    @Post
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sign this person out everywhere: ends all their sessions at once (staff; only instructors for staff)")
    @CourseStaff("sign people out")
    void signOut(long courseId, long userId, Authentication auth) {
        CourseRole actor = access.role(courseId);
        CourseRole role = people.roleIn(userId, courseId)
                .orElseThrow(() -> ProblemException.notFound("That person is not in this course."));
        // Staff of any course, not only of this one: a TA must not reach another course's instructor through the
        // course where that instructor happens to be a student.
        if ((role.isStaff() || people.staffAnywhere(userId)) && actor != CourseRole.INSTRUCTOR && userId != Viewer.id(auth)) {
            throw ProblemException.forbidden("Only instructors can sign out TAs and instructors.");
        }
        people.signOutEverywhere(userId);
    }
}
