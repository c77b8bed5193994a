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
import org.paperclub.course.Commands.ReadingCommand;
import org.paperclub.course.Commands.SessionCommand;
import org.paperclub.course.CourseViews.SessionView;

import java.net.URI;
import java.util.List;

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
    @Operation(summary = "The schedule: every session in date order with its readings")
    List<SessionView> list(long courseId, Authentication auth) {
        access.member(auth, courseId);
        return schedule.schedule(courseId);
    }

    @Post
    @Operation(summary = "Add a session (staff)")
    HttpResponse<SessionView> create(long courseId, @Body @Valid SessionCommand command, Authentication auth) {
        access.staff(auth, courseId, EDIT);
        SessionView created = schedule.addSession(courseId, command);
        return HttpResponse.created(created, URI.create("/api/courses/" + courseId + "/sessions/" + created.id()));
    }

    @Get("/{sessionId}")
    @Operation(summary = "One session with its readings")
    SessionView get(long courseId, long sessionId, Authentication auth) {
        access.member(auth, courseId);
        return schedule.session(courseId, sessionId);
    }

    @Put("/{sessionId}")
    @Operation(summary = "Change a session: date, times, topic, location, or kind (NO_CLASS cancels it) (staff)")
    SessionView update(long courseId, long sessionId, @Body @Valid SessionCommand command, Authentication auth) {
        access.staff(auth, courseId, EDIT);
        return schedule.updateSession(courseId, sessionId, command);
    }

    @Delete("/{sessionId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a session (staff); refused with 409 while work hangs on it: cancel it instead")
    void delete(long courseId, long sessionId, Authentication auth) {
        access.staff(auth, courseId, EDIT);
        schedule.deleteSession(courseId, sessionId);
    }

    @Post("/{sessionId}/readings")
    @Operation(summary = "Place a paper on a session as ASSIGNED (default) or ADDITIONAL reading (staff)")
    HttpResponse<SessionView> addReading(long courseId, long sessionId, @Body @Valid ReadingCommand command,
                                         Authentication auth) {
        access.staff(auth, courseId, EDIT);
        SessionView session = schedule.addReading(courseId, sessionId, command);
        return HttpResponse.created(session,
                URI.create("/api/courses/" + courseId + "/sessions/" + sessionId + "/readings/" + command.paperId()));
    }

    @Delete("/{sessionId}/readings/{paperId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a paper off a session's readings (staff); the paper stays in the course")
    void removeReading(long courseId, long sessionId, long paperId, Authentication auth) {
        access.staff(auth, courseId, EDIT);
        schedule.removeReading(courseId, sessionId, paperId);
    }
}
