package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.paperclub.course.CourseInstructor;
import org.paperclub.course.CourseStaff;

import java.time.Instant;

/**
 * A linked course's LMS services for its staff: the roster sync, the grade passback, and (instructors) unlinking an LMS
 * course. The LMS courses linked are listed by {@code GET /grades} ({@code contexts}: their {@code id} is the link's).
 */
@Controller("/api/courses/{courseId}/lti")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "LMS services")
class LtiServicesController {

    private final RosterSync roster;
    private final RosterApply rosterState;
    private final GradePassback grades;
    private final ContextUnlink unlinking;

    LtiServicesController(RosterSync roster, RosterApply rosterState, GradePassback grades, ContextUnlink unlinking) {
        this.roster = roster;
        this.unlinking = unlinking;
        this.rosterState = rosterState;
        this.grades = grades;
    }

    /** The last roster sync: when, what it did, or why it failed ({@code ok} false, {@code error}). */
    @Serdeable
    record LastSync(Instant at, boolean ok, int added, int updated, int withdrawn, int unchanged, @Nullable String error) {
    }

    @Serdeable
    record RosterStatus(boolean linked, @Nullable LastSync last) {
    }

    @Get("/roster-sync")
    @Operation(summary = "Whether the course's roster can be synced from its LMS, and the last sync (staff)")
    @CourseStaff("sync the roster")
    RosterStatus rosterStatus(long courseId, Authentication auth) {
        return new RosterStatus(!roster.rosterContexts(courseId).isEmpty(), rosterState.last(courseId)
                .map(s -> new LastSync(s.syncedAt(), s.ok(), s.added(), s.updated(), s.withdrawn(), s.unchanged(), s.error()))
                .orElse(null));
    }

    @Post("/roster-sync")
    @Operation(summary = "Sync the roster from the LMS now: members added or updated, those gone withdrawn (staff)")
    @CourseStaff("sync the roster")
    RosterSync.Result sync(long courseId, Authentication auth) {
        return roster.sync(courseId);
    }

    @Get("/grades")
    @Operation(summary = "The grade passback: linked LMS courses, line items, scores queued, sent and failed (staff)")
    @CourseStaff("see the grade passback")
    GradePassback.GradesView gradesView(long courseId, Authentication auth) {
        return grades.view(courseId);
    }

    @Serdeable
    record GradeSettingsCommand(@NotNull Boolean perComponent) {
    }

    @Put("/grades/settings")
    @Operation(summary = "Whether each component gets its own LMS grade column besides Participation (instructors)")
    @CourseInstructor("change the grade passback")
    GradePassback.GradesView settings(long courseId, @Valid @Body GradeSettingsCommand command, Authentication auth) {
        grades.perComponent(courseId, command.perComponent());
        return grades.view(courseId);
    }

    @Post("/grades/sync")
    @Operation(summary = "Queue every student's current published grade for the LMS again (instructors)")
    @CourseInstructor("send grades to the LMS")
    GradePassback.Queued resend(long courseId, Authentication auth) {
        if (grades.gradeContexts(courseId).isEmpty()) {
            throw org.paperclub.system.ProblemException.conflict("This course is not linked to an LMS course that takes grades "
                    + "from Paperclub. Launch Paperclub from the LMS course as an instructor to link it.");
        }
        return grades.enqueue(courseId, null, true);
    }

    @Delete("/links/{linkId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unlink an LMS course: its roster and grades stop syncing, nothing in Paperclub is deleted, and the "
            + "next instructor launch from it chooses the course again (instructors)")
    @CourseInstructor("unlink an LMS course")
    void unlink(long courseId, long linkId, Authentication auth) {
        unlinking.unlink(courseId, linkId);
    }
}
