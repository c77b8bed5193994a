package org.paperclub.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.people.Viewer;
import org.paperclub.system.Downloads;

import java.net.URI;
import java.time.Instant;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Calendar")
class CalendarController {

    private final CalendarFeed feed;
    private final CalendarLinks links;
    private final CourseAccess access;

    CalendarController(CalendarFeed feed, CalendarLinks links, CourseAccess access) {
        this.feed = feed;
        this.links = links;
        this.access = access;
    }

    @Serdeable
    record LinkState(boolean exists, @Nullable Instant createdAt) {
    }

    @Serdeable
    record NewLink(String token, Instant createdAt) {
    }

    /**
     * Open to anonymous callers because calendar apps send no cookie: they must bring a live secret token, and
     * the token's owner must be in the course. A signed-in browser needs no token.
     */
    @Get(value = "/courses/{courseId}/calendar.ics", produces = {"text/calendar", Downloads.WHATEVER_IS_ACCEPTED})
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sessions with topics and readings, critique deadlines, and for a student their presentation and roles, as iCalendar with reminders before deadlines and own sessions; cookie or ?token= from a calendar link")
    @CourseMember(caller = CalendarCaller.class)
    HttpResponse<String> calendar(long courseId, @Nullable @QueryValue String token, @Nullable Authentication auth) {
        CourseAccess.Admitted caller = access.admitted(courseId);
        String body = feed.feed(courseId, caller.role().isStaff() ? null : caller.userId());
        return HttpResponse.ok(body).contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"course-" + courseId + ".ics\"");
    }

    @Get("/me/calendar-link")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Whether I have a secret calendar link, and since when")
    LinkState state(Authentication auth) {
        Instant created = links.createdAt(Viewer.id(auth)).orElse(null);
        return new LinkState(created != null, created);
    }

    @Post("/me/calendar-link")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Make a new secret calendar link (the old one stops working); the token is shown only now")
    HttpResponse<NewLink> issue(Authentication auth) {
        CalendarLinks.Issued issued = links.issue(Viewer.id(auth));
        return HttpResponse.created(new NewLink(issued.token(), issued.createdAt()), URI.create("/api/me/calendar-link"));
    }

    @Delete("/me/calendar-link")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke my secret calendar link")
    void revoke(Authentication auth) {
        links.revoke(Viewer.id(auth));
    }
}
