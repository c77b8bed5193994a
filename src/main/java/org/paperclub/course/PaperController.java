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
import org.paperclub.course.Commands.PaperCommand;
import org.paperclub.course.CourseViews.PaperView;

import java.net.URI;
import java.util.List;

@Controller("/api/courses/{courseId}/papers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Schedule")
class PaperController {

    private static final String EDIT = "change the reading list";

    private final ScheduleService schedule;
    private final CourseAccess access;

    PaperController(ScheduleService schedule, CourseAccess access) {
        this.schedule = schedule;
        this.access = access;
    }

    @Get
    @Operation(summary = "Every paper of the course")
    @CourseMember
    List<PaperView> list(long courseId, Authentication auth) {
        return schedule.papers(courseId);
    }

    @Post
    @Operation(summary = "Add a paper (staff); a key is made from author and year when none is given")
    @CourseStaff(EDIT)
    HttpResponse<PaperView> create(long courseId, @Body @Valid PaperCommand command, Authentication auth) {
        PaperView paper = schedule.addPaper(courseId, command);
        return HttpResponse.created(paper, URI.create("/api/courses/" + courseId + "/papers/" + paper.id()));
    }

    @Get("/{paperId}")
    @CourseMember
    PaperView get(long courseId, long paperId, Authentication auth) {
        return schedule.paper(courseId, paperId);
    }

    @Put("/{paperId}")
    @Operation(summary = "Change a paper (staff)")
    @CourseStaff(EDIT)
    PaperView update(long courseId, long paperId, @Body @Valid PaperCommand command, Authentication auth) {
        return schedule.updatePaper(courseId, paperId, command);
    }

    @Delete("/{paperId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a paper (staff); refused with 409 while it is a reading of a session or holds work")
    @CourseStaff(EDIT)
    void delete(long courseId, long paperId, Authentication auth) {
        schedule.deletePaper(courseId, paperId);
    }
}
