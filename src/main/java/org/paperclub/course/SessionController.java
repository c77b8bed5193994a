package org.paperclub.course;

import io.micronaut.http.HttpRequest;
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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.paperclub.course.Commands.ReadingCommand;
import org.paperclub.course.Commands.SessionCommand;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.system.ETags;

import java.net.URI;

@Controller("/api/courses/{courseId}/sessions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Schedule")
class SessionController {

    private static final String EDIT = "change the schedule";

    private final ScheduleService schedule;
    private final CourseAccess access;

    SessionController(ScheduleService schedule, CourseAccess access) {
        this.schedule = schedule;
        this.access = access;
    }

    @Get
    @Operation(summary = "The schedule: every session in date order with its readings. It carries an ETag: "
            + "with If-None-Match naming it, an unchanged schedule is answered 304 without a body")
    @ApiResponse(responseCode = "200", description = "The schedule", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = SessionView.class))))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag named in If-None-Match")
    @CourseMember
    HttpResponse<byte[]> list(long courseId, Authentication auth, HttpRequest<?> request) {
        long version = access.admitted(courseId).scheduleVersion();
        return ETags.answer(request, schedule.keptSchedule(courseId, version).all());
    }

    @Post
    @Operation(summary = "Add a session (staff)")
    @CourseStaff(EDIT)
    HttpResponse<SessionView> create(long courseId, @Body @Valid SessionCommand command, Authentication auth) {
        SessionView created = schedule.addSession(courseId, command);
        return HttpResponse.created(created, URI.create("/api/courses/" + courseId + "/sessions/" + created.id()));
    }

    @Get("/{sessionId}")
    @Operation(summary = "One session with its readings; with an ETag, as the schedule")
    @ApiResponse(responseCode = "200", description = "The session", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "304", description = "Unchanged since the ETag named in If-None-Match")
    @CourseMember
    HttpResponse<byte[]> get(long courseId, long sessionId, Authentication auth, HttpRequest<?> request) {
        long version = access.admitted(courseId).scheduleVersion();
        return ETags.answer(request, schedule.keptSession(courseId, sessionId, version));
    }

    @Put("/{sessionId}")
    @Operation(summary = "Change a session: date, times, topic, location, or kind (NO_CLASS cancels it) (staff)")
    @CourseStaff(EDIT)
    SessionView update(long courseId, long sessionId, @Body @Valid SessionCommand command, Authentication auth) {
        return schedule.updateSession(courseId, sessionId, command);
    }

    @Delete("/{sessionId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a session (staff); refused with 409 while work hangs on it: cancel it instead")
    @CourseStaff(EDIT)
    void delete(long courseId, long sessionId, Authentication auth) {
        schedule.deleteSession(courseId, sessionId);
    }

    @Post("/{sessionId}/readings")
    @Operation(summary = "Place a paper on a session as ASSIGNED (default) or ADDITIONAL reading (staff)")
    @CourseStaff(EDIT)
    HttpResponse<SessionView> addReading(long courseId, long sessionId, @Body @Valid ReadingCommand command,
                                         Authentication auth) {
        SessionView session = schedule.addReading(courseId, sessionId, command);
        return HttpResponse.created(session,
                URI.create("/api/courses/" + courseId + "/sessions/" + sessionId + "/readings/" + command.paperId()));
    }

    @Delete("/{sessionId}/readings/{paperId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a paper off a session's readings (staff); the paper stays in the course")
    @CourseStaff(EDIT)
    void removeReading(long courseId, long sessionId, long paperId, Authentication auth) {
        schedule.removeReading(courseId, sessionId, paperId);
    }
}
