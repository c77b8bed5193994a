package org.paperclub.signup;

import org.paperclub.system.FreeText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.course.CourseStaff;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Viewer;
import org.paperclub.signup.SignupService.Actor;
import org.paperclub.signup.SignupViews.AppliedAssignment;
import org.paperclub.signup.SignupViews.Assignment;
import org.paperclub.signup.SignupViews.AutoFillPlan;
import org.paperclub.signup.SignupViews.Board;
import org.paperclub.signup.SignupViews.Coverage;
import org.paperclub.signup.SignupViews.EventView;
import org.paperclub.signup.SignupViews.PresentationView;
import org.paperclub.system.ProblemException;

import java.util.ArrayList;
import java.util.List;

@Controller("/api/courses/{courseId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-ups")
class SignupOverviewController {

    private static final String MANAGE = "manage sign-ups";

    private final SignupBoard board;
    private final SignupService signups;
    private final CourseAccess access;

    SignupOverviewController(SignupBoard board, SignupService signups, CourseAccess access) {
        this.board = board;
        this.signups = signups;
        this.access = access;
    }

    @Serdeable
    record Decision(@Size(max = 500) @FreeText String reason) {
    }

    @Serdeable
    record ApplyCommand(@NotNull @Size(max = 5000) List<@Valid Assignment> assignments) {
    }

    @Get("/signups/board")
    @Operation(summary = "Sessions × presentation slots and roles: who holds each seat, what is free and frozen; for a student, their own gaps and notices")
    @CourseMember
    Board board(long courseId, Authentication auth) {
        CourseRole role = access.role(courseId);
        return board.board(courseId, Viewer.id(auth), role);
    }

    @Get("/signups/coverage")
    @Operation(summary = "Which students lack a supporting role in which block, and who has not signed up to present (staff)")
    @CourseStaff("see the coverage of sign-ups")
    Coverage coverage(long courseId, Authentication auth) {
        return board.coverage(courseId);
    }

    @Post("/signups/autofill/preview")
    @Operation(summary = "A plan that fills the coverage gaps into free seats; nothing is written (staff)")
    @CourseStaff(MANAGE)
    AutoFillPlan preview(long courseId, Authentication auth) {
        return board.autoFill(courseId);
    }

    @Post("/signups/autofill/apply")
    @Operation(summary = "Apply a plan (usually the previewed one): each assignment passes every rule on its own (staff)")
    @CourseStaff(MANAGE)
    List<AppliedAssignment> apply(long courseId, @Body @Valid ApplyCommand command, Authentication auth) {
        CourseRole role = access.role(courseId);
        Actor actor = new Actor(Viewer.id(auth), role);
        List<AppliedAssignment> results = new ArrayList<>();
        for (Assignment a : command.assignments()) {
            try {
                var view = signups.takeRole(courseId, a.sessionId(), a.roleId(), actor, a.studentId());
                results.add(new AppliedAssignment(a, true, view.id(), null));
            } catch (ProblemException e) {
                results.add(new AppliedAssignment(a, false, null, e.getMessage()));
            }
        }
        return results;
    }

    @Post("/presentations/{presentationId}/approve")
    @Operation(summary = "Approve a proposed off-list paper (staff)")
    @CourseStaff("approve proposals")
    PresentationView approve(long courseId, long presentationId, Authentication auth) {
        CourseRole role = access.role(courseId);
        return signups.decide(courseId, presentationId, new Actor(Viewer.id(auth), role), true, null);
    }

    @Post("/presentations/{presentationId}/decline")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline a proposed off-list paper: frees the slot and tells the team (staff)")
    @CourseStaff("decline proposals")
    void decline(long courseId, long presentationId, @Nullable @Body @Valid Decision decision, Authentication auth) {
        CourseRole role = access.role(courseId);
        signups.decide(courseId, presentationId, new Actor(Viewer.id(auth), role), false, decision == null ? null : decision.reason());
    }

    @Post("/signups/invitations/{invitationId}/accept")
    @Operation(summary = "Accept an invitation to present with a partner: join their team, if the sign-up rules allow it now (the invited student)")
    @CourseMember
    PresentationView acceptInvitation(long courseId, long invitationId, Authentication auth) {
        CourseRole role = access.role(courseId);
        return signups.answerInvitation(courseId, invitationId, new Actor(Viewer.id(auth), role), true);
    }

    @Post("/signups/invitations/{invitationId}/decline")
    @io.micronaut.http.annotation.Status(io.micronaut.http.HttpStatus.NO_CONTENT)
    @Operation(summary = "Decline an invitation to present with a partner; the team is told (the invited student)")
    @CourseMember
    void declineInvitation(long courseId, long invitationId, Authentication auth) {
        CourseRole role = access.role(courseId);
        signups.answerInvitation(courseId, invitationId, new Actor(Viewer.id(auth), role), false);
    }

    @Get("/signups/audit")
    @Operation(summary = "Every sign-up change, newest first: who, when, what (staff)")
    @CourseStaff("read the sign-up audit trail")
    List<EventView> audit(long courseId, Authentication auth) {
        return board.audit(courseId);
    }
}
