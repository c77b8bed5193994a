package org.paperclub.course;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.paperclub.course.Commands.RoleCommand;
import org.paperclub.course.CourseViews.RoleView;

import java.net.URI;
import java.util.List;

@Controller("/api/courses/{courseId}/roles")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Supporting roles")
class RoleController {

    private static final String EDIT = "change the supporting roles";

    private final CourseService courses;
    private final CourseAccess access;

    RoleController(CourseService courses, CourseAccess access) {
        this.courses = courses;
        this.access = access;
    }

    @Get
    @Operation(summary = "The supporting roles of the role-playing format, with their seats per session")
    @CourseMember
    List<RoleView> list(long courseId, Authentication auth) {
        return courses.roles(courseId);
    }

    @Post
    @Operation(summary = "Add a supporting role (staff)")
    @CourseStaff(EDIT)
    HttpResponse<RoleView> create(long courseId, @Body @Valid RoleCommand command, Authentication auth) {
        RoleView role = courses.addRole(courseId, command);
        return HttpResponse.created(role, URI.create("/api/courses/" + courseId + "/roles/" + role.id()));
    }

    @Put("/{roleId}")
    @Operation(summary = "Change a supporting role (staff)")
    @CourseStaff(EDIT)
    RoleView update(long courseId, long roleId, @Body @Valid RoleCommand command, Authentication auth) {
        return courses.updateRole(courseId, roleId, command);
    }

    @Delete("/{roleId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a supporting role (staff)")
    @CourseStaff(EDIT)
    void delete(long courseId, long roleId, Authentication auth) {
        courses.deleteRole(courseId, roleId);
    }
}
