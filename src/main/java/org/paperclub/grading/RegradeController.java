package org.paperclub.grading;

import org.paperclub.system.FreeText;
import org.paperclub.system.SingleLine;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.course.CourseStaff;
import org.paperclub.grading.GradingViews.RegradeView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Viewer;
import org.paperclub.system.ProblemException;

import java.net.URI;
import java.util.List;

@Controller("/api/courses/{courseId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Grading")
class RegradeController {

    private final GradingService grading;
    private final CourseAccess access;

    RegradeController(GradingService grading, CourseAccess access) {
        this.grading = grading;
        this.access = access;
    }

    @Serdeable
    record RegradeCommand(@NotBlank(message = "Say why the grade should be looked at again.") @Size(max = 2000) @FreeText String reason) {
    }

    @Serdeable
    record AnswerCommand(@NotBlank(message = "Write an answer to the student.") @Size(max = 2000) @FreeText String answer,
                         @Nullable Double points, @Nullable @Size(max = 20) @SingleLine String mark) {
    }

    @Post("/grades/{gradeId}/regrades")
    @Operation(summary = "Ask for a regrade of one of my published grades, within the course's window")
    @CourseMember
    HttpResponse<RegradeView> file(long courseId, long gradeId, @Body @Valid RegradeCommand command, Authentication auth) {
        CourseRole role = access.role(courseId);
        if (role != CourseRole.STUDENT) {
            throw ProblemException.forbidden("Regrade requests are for students; staff change a grade directly.");
        }
        RegradeView view = grading.fileRegrade(courseId, Viewer.id(auth), gradeId, command.reason());
        return HttpResponse.created(view, URI.create("/api/courses/" + courseId + "/regrades/" + view.id()));
    }

    @Get("/regrades")
    @Operation(summary = "Regrade requests and their answers: staff see all (?open=true for the open ones), a student their own")
    @CourseMember
    List<RegradeView> list(long courseId, @Nullable @QueryValue Boolean open, Authentication auth) {
        return grading.regrades(courseId, access.studentOrEveryone(courseId, null, "You can see only your own regrade requests."),
                Boolean.TRUE.equals(open));
    }

    @Post("/regrades/{requestId}/answer")
    @Operation(summary = "Answer a regrade request, with a new grade or keeping it (staff)")
    @CourseStaff("answer regrade requests")
    RegradeView answer(long courseId, long requestId, @Body @Valid AnswerCommand command, Authentication auth) {
        return grading.answerRegrade(courseId, Viewer.id(auth), requestId, command.answer(), command.points(), command.mark());
    }
}
