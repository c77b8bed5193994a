package org.paperclub.grading;

import org.paperclub.system.FreeText;
import org.paperclub.system.SingleLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.course.CourseStaff;
import org.paperclub.grading.GradingService.Entry;
import org.paperclub.grading.GradingViews.GradeView;
import org.paperclub.grading.GradingViews.HistoryLine;
import org.paperclub.grading.GradingViews.Published;
import org.paperclub.grading.GradingViews.CourseProgress;
import org.paperclub.grading.GradingViews.SessionSheet;
import org.paperclub.grading.GradingViews.StudentGrades;
import org.paperclub.grading.GradingViews.Summary;
import org.paperclub.people.Viewer;
import org.paperclub.system.Downloads;

import java.util.List;

@Controller("/api/courses/{courseId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Grading")
class GradingController {

    private final GradingService grading;
    private final GradeSheets sheets;
    private final GradebookExport export;
    private final CourseAccess access;

    GradingController(GradingService grading, GradeSheets sheets, GradebookExport export, CourseAccess access) {
        this.grading = grading;
        this.sheets = sheets;
        this.export = export;
        this.access = access;
    }

    /** Points on a points scale, or a mark on a mark scale; without studentId a team's grade goes to every member. */
    @Serdeable
    record GradeCommand(@Nullable Double points, @Nullable @Size(max = 20) @SingleLine String mark, @Nullable @Size(max = 2000) @FreeText String comment,
                        @Nullable Long studentId) {
        Entry entry() {
            return new Entry(points, mark, comment, studentId);
        }
    }

    @Get("/sessions/{sessionId}/grading")
    @Operation(summary = "Everything to grade in a session: presenting teams, role holders, critiques, and flagged grades (staff)")
    @CourseStaff("grade")
    SessionSheet sheet(long courseId, long sessionId, Authentication auth) {
        return sheets.sheet(courseId, sessionId);
    }

    @Get("/grading/progress")
    @Operation(summary = "How far grading has come in each session (x of y items graded, drafts), and the critiques graded (staff)")
    @CourseStaff("see how far grading has come")
    CourseProgress progress(long courseId, Authentication auth) {
        return sheets.progress(courseId);
    }

    @Put("/grades/presentations/{presentationId}")
    @Operation(summary = "Grade a presenting team, or one member of it with studentId (staff)")
    @CourseStaff("grade")
    List<GradeView> gradeTeam(long courseId, long presentationId, @Body @Valid GradeCommand command, Authentication auth) {
        return grading.gradeTeam(courseId, Viewer.id(auth), presentationId, command.entry());
    }

    @Put("/grades/roles/{sessionId}/{roleId}")
    @Operation(summary = "Grade the holders of a supporting role in a session, or one of them with studentId (staff)")
    @CourseStaff("grade")
    List<GradeView> gradeRole(long courseId, long sessionId, long roleId, @Body @Valid GradeCommand command, Authentication auth) {
        return grading.gradeRole(courseId, Viewer.id(auth), sessionId, roleId, command.entry());
    }

    @Put("/grades/critiques/{critiqueId}")
    @Operation(summary = "Grade a critique; its late penalty is applied when grades are combined (staff)")
    @CourseStaff("grade")
    List<GradeView> gradeCritique(long courseId, long critiqueId, @Body @Valid GradeCommand command, Authentication auth) {
        return grading.gradeCritique(courseId, Viewer.id(auth), critiqueId, command.entry());
    }

    @Delete("/grades/{gradeId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a grade, e.g. a flagged one whose item is gone; the audit keeps it (staff)")
    @CourseStaff("remove grades")
    void remove(long courseId, long gradeId, Authentication auth) {
        grading.remove(courseId, Viewer.id(auth), gradeId);
    }

    @Post("/sessions/{sessionId}/grades/publish")
    @Operation(summary = "Publish the session's draft grades to their students; the regrade window starts (staff)")
    @CourseStaff("publish grades")
    Published publish(long courseId, long sessionId, Authentication auth) {
        return new Published(grading.publish(courseId, Viewer.id(auth), sessionId));
    }

    @Get("/grades/summary")
    @Operation(summary = "Every student's components and participation grade, with what is not graded yet and the regrade "
            + "requests waiting for an answer (staff)")
    @CourseStaff("see everyone's grades")
    Summary summary(long courseId, Authentication auth) {
        return sheets.summaryForStaff(courseId);
    }

    @Get("/grades/me")
    @Operation(summary = "My published grades, how my participation grade is made up, my progress and regrade requests")
    @CourseMember
    StudentGrades mine(long courseId, Authentication auth) {
        return sheets.student(courseId, Viewer.id(auth), false);
    }

    @Get("/grades/students/{studentId}")
    @Operation(summary = "One student's grades page, drafts included (staff)")
    @CourseStaff("see other students' grades")
    StudentGrades student(long courseId, long studentId, Authentication auth) {
        return sheets.student(courseId, studentId, true);
    }

    @Get("/grades/{gradeId}/history")
    @Operation(summary = "Every change of one grade: who, when, old → new (staff)")
    @CourseStaff("read the grade audit")
    List<HistoryLine> history(long courseId, long gradeId, Authentication auth) {
        return sheets.history(courseId, gradeId);
    }

    @Get("/grades/audit")
    @Operation(summary = "The latest 500 grade changes of the course (staff)")
    @CourseStaff("read the grade audit")
    List<HistoryLine> audit(long courseId, Authentication auth) {
        return sheets.audit(courseId);
    }

    @Get(value = "/gradebook.csv", produces = {"text/csv", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "The participation gradebook in Canvas's import layout, from published grades (?drafts=true: drafts too) (staff)")
    @CourseStaff("export the gradebook")
    HttpResponse<String> gradebook(long courseId, @Nullable @QueryValue Boolean drafts, Authentication auth) {
        return csv(export.canvas(courseId, Boolean.TRUE.equals(drafts)), "gradebook-" + courseId + ".csv");
    }

    @Get(value = "/grades/breakdown.csv", produces = {"text/csv", Downloads.WHATEVER_IS_ACCEPTED})
    @Operation(summary = "Per-student breakdown of the participation grade, from published grades (?drafts=true: drafts too) (staff)")
    @CourseStaff("export the gradebook")
    HttpResponse<String> breakdown(long courseId, @Nullable @QueryValue Boolean drafts, Authentication auth) {
        return csv(export.breakdown(courseId, Boolean.TRUE.equals(drafts)), "grades-breakdown-" + courseId + ".csv");
    }

    private static HttpResponse<String> csv(String body, String name) {
        return HttpResponse.ok(body).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
