package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
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

    @Put("/{announcementId}")
    @Operation(summary = "Correct an announcement's title and body (staff; checked as when posting): it shows as edited, "
            + "keeps its author and time, and the notices already given show the corrected text; ?notify=true also tells "
            + "everyone again as \"Corrected: <title>\" (e-mails already sent cannot be recalled)")
    @CourseStaff("correct announcements")
    AnnouncementView correct(long courseId, long announcementId, @Body @Valid AnnouncementCommand command,
                             @QueryValue @Nullable Boolean notify, Authentication auth) {
        return announcements.correct(courseId, announcementId, Viewer.id(auth), command, Boolean.TRUE.equals(notify));
    }

    @Delete("/{announcementId}")
    @Operation(summary = "Withdraw an announcement (staff): gone from the course page and list, and its notices from "
            + "the bells; 204. E-mails already sent cannot be recalled")
    @CourseStaff("withdraw announcements")
    @Status(HttpStatus.NO_CONTENT)
    void withdraw(long courseId, long announcementId, Authentication auth) {
        announcements.withdraw(courseId, announcementId);
    }
}
