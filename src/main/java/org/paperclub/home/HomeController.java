package org.paperclub.home;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Viewer;

@Controller("/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Home")
class HomeController {

    private final HomeService home;
    private final CourseAccess access;

    HomeController(HomeService home, CourseAccess access) {
        this.home = home;
        this.access = access;
    }

    @Get("/me/home")
    @Operation(summary = "What is next for me in each of my courses: critiques due (with the late policy now and the grace left), "
            + "sign-ups a block still lacks, my presentations and roles, new grades and regrade answers; for staff what waits for them")
    HomeService.Home mine(Authentication auth) {
        return home.home(Viewer.id(auth));
    }

    @Get("/courses/{courseId}/me")
    @Operation(summary = "My part in one course, as on the home page: critiques per session, sign-ups, new grades (staff: what waits for them, the grading progress per session and the policy warnings)")
    @CourseMember
    HomeService.CourseHome course(long courseId, Authentication auth) {
        CourseRole role = access.role(courseId);
        return home.course(courseId, Viewer.id(auth), role, true);
    }
}
