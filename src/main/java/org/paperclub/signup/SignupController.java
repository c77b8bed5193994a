package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseAccess;
import org.paperclub.course.CourseMember;
import org.paperclub.course.CourseStaff;
import org.paperclub.people.PeopleService;
import org.paperclub.people.User;
import org.paperclub.signup.SignupService.Actor;
import org.paperclub.signup.SignupViews.PresentationView;
import org.paperclub.signup.SignupViews.RoleSignupView;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.net.URI;
import java.util.List;

@Controller("/api/courses/{courseId}/sessions/{sessionId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-ups")
class SignupController {

    private final SignupService signups;
    private final CourseAccess access;
    private final PeopleService people;

    SignupController(SignupService signups, CourseAccess access, PeopleService people) {
        this.signups = signups;
        this.access = access;
        this.people = people;
    }

    /** Sign up to present: a student for themselves (with an optional partner); staff name the student. */
    @Serdeable
    record PresentCommand(@NotNull Long paperId, @Nullable @Email @Size(max = 320) String partnerEmail,
                          @Nullable Long partnerId, @Nullable Long studentId) {
    }

    /** {@code replace}: switch to this role from the one the student holds in the session, in one step. */
    @Serdeable
    record RoleCommand(@Nullable Long studentId, @Nullable Boolean replace) {
    }

    @Serdeable
    record MoveCommand(@NotNull Long sessionId, @NotNull Long roleId) {
    }

    @Post("/presentations")
    @Operation(summary = "Sign up to present a paper: joins the team on that paper if it has room, else starts one in a free slot")
    @CourseMember
    HttpResponse<PresentationView> present(long courseId, long sessionId, @Body @Valid PresentCommand command, Authentication auth) {
        Actor actor = actor(courseId);
        long student = subject(courseId, command.studentId());
        Long partner = command.partnerId();
        if (command.partnerEmail() != null && !command.partnerEmail().isBlank()) {
            partner = people.userByEmail(command.partnerEmail()).map(User::id)
                    .orElseThrow(() -> ProblemException.invalid("Nobody with the email " + command.partnerEmail() + " is in Paperclub.",
                            List.of(new Problem.Violation("partnerEmail", "is not a student of this course"))));
        }
        PresentationView view = signups.present(courseId, sessionId, actor, student, command.paperId(), partner);
        return HttpResponse.created(view, URI.create("/api/courses/" + courseId + "/sessions/" + sessionId + "/presentations/" + view.id()));
    }

    @Delete("/presentations/{presentationId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a team (students, before the freeze); staff remove one member (?studentId=) or the whole team")
    @CourseMember
    void withdrawPresentation(long courseId, long sessionId, long presentationId, @Nullable @QueryValue Long studentId,
                              Authentication auth) {
        signups.withdrawPresentation(courseId, sessionId, presentationId, actor(courseId), studentId);
    }

    @Post("/roles/{roleId}/signups")
    @Operation(summary = "Take a seat of a supporting role: a student for themselves; staff name the student. "
            + "With replace: true, switch from the role held in this session to this one in one step")
    @CourseMember
    HttpResponse<RoleSignupView> takeRole(long courseId, long sessionId, long roleId, @Nullable @Body @Valid RoleCommand command,
                                          Authentication auth) {
        Actor actor = actor(courseId);
        long student = subject(courseId, command == null ? null : command.studentId());
        boolean replace = command != null && Boolean.TRUE.equals(command.replace());
        RoleSignupView view = signups.takeRole(courseId, sessionId, roleId, actor, student, replace);
        return HttpResponse.created(view, URI.create("/api/courses/" + courseId + "/sessions/" + sessionId + "/roles/" + roleId
                + "/signups/" + view.id()));
    }

    @Delete("/roles/{roleId}/signups/{signupId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw from a supporting role (students: their own, before the freeze; staff: anyone's)")
    @CourseMember
    void dropRole(long courseId, long sessionId, long roleId, long signupId, Authentication auth) {
        signups.dropRole(courseId, sessionId, roleId, signupId, actor(courseId));
    }

    @Post("/roles/{roleId}/signups/{signupId}/move")
    @Operation(summary = "Move a role sign-up to another session or role (staff)")
    @CourseStaff("move sign-ups")
    RoleSignupView move(long courseId, long sessionId, long roleId, long signupId, @Body @Valid MoveCommand command,
                        Authentication auth) {
        return signups.moveRole(courseId, sessionId, roleId, signupId, actor(courseId), command.sessionId(), command.roleId());
    }

    /** The caller and their role, as the endpoint's gate let them in. */
    private Actor actor(long courseId) {
        CourseAccess.Admitted caller = access.admitted(courseId);
        return new Actor(caller.userId(), caller.role());
    }

    /** Students sign up only themselves; staff must say for whom (they do not present or play roles). */
    private long subject(long courseId, Long studentId) {
        return access.studentFor(courseId, studentId, "You can sign up only yourself; ask staff to sign up someone else.",
                "Say which student to sign up (studentId).", "is required for staff");
    }
}
