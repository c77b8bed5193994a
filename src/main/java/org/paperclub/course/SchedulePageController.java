package org.paperclub.course;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.system.ETags;

/**
 * The part of a course's pages that is the same for every member, in one cached answer: the course, its supporting
 * roles, its papers, its newest announcements and its sessions. What is personal (my role, my part, what waits for staff) is {@code /me}.
 */
@Controller("/api/courses/{courseId}/schedule")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Schedule")
class SchedulePageController {

    private final ScheduleService schedule;
    private final CourseAccess access;

    SchedulePageController(ScheduleService schedule, CourseAccess access) {
        this.schedule = schedule;
        this.access = access;
    }

    @Get
    @Operation(summary = "The schedule page's shared data in one answer: {version, course (its role and warnings are "
            + "left to /me), roles, papers, announcements (the newest 3 and the total), sessions}. It carries an ETag like the schedule; 304 when unchanged")
    @ApiResponse(responseCode = "200", description = "The course, its roles, papers and sessions",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag named in If-None-Match")
    @CourseMember
    HttpResponse<byte[]> page(long courseId, Authentication auth, HttpRequest<?> request) {
        long version = access.admitted(courseId).scheduleVersion();
        return ETags.answer(request, schedule.keptPage(courseId, version));
    }
}
