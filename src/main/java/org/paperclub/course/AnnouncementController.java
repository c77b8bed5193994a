package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.paperclub.course.Announcements.AnnouncementCommand;
import org.paperclub.course.Announcements.AnnouncementView;
import org.paperclub.people.Viewer;

@Controller("/api/courses/{courseId}/announcements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Announcements")
class AnnouncementController {

    private final Announcements announcements;

    AnnouncementController(Announcements announcements) {
        this.announcements = announcements;
    }

    @Get
    @Operation(summary = "The course's announcements, newest first (?limit, default 20), and how many there are in all")
    @CourseMember
    Announcements.Page list(long courseId, @QueryValue @Nullable @Min(1) @Max(200) Integer limit, Authentication auth) {
        return announcements.newest(courseId, limit == null ? 20 : limit);
    }

    @Post
    @Operation(summary = "Announce something to the class (staff): everyone in the course is notified; the answer says how many")
    @CourseStaff("post announcements to the class")
    HttpResponse<AnnouncementView> post(long courseId, @Body @Valid AnnouncementCommand command, Authentication auth) {
        AnnouncementView posted = announcements.post(courseId, Viewer.id(auth), command);
        return HttpResponse.created(posted);
    }
}
