package org.paperclub.people;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The set-password links of accounts made from a roster: whoever holds one chooses the account's password, once. */
@Controller("/api/auth/invitations/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class InvitationController {

    private final Invitations invitations;
    private final SignInOptions signIn;

    InvitationController(Invitations invitations, SignInOptions signIn) {
        this.invitations = invitations;
        this.signIn = signIn;
    }

    @Serdeable
    record AcceptCommand(@NotBlank @Size(min = 10, max = 200) String password) {
    }

    @Get
    @Operation(summary = "Whose account a set-password link is for, while it still works")
    Invitations.InvitationView view(@Size(max = 100) String token) {
        return invitations.view(token, Invitation.INVITATION);
    }

    @Post
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Accept an invitation: set the account's password (at least 10 characters); the link then stops working")
    void accept(@Size(max = 100) String token, @Body @Valid AcceptCommand command) {
        // On a campus-only site the invited person signs in with the campus account; their verified address links it.
        signIn.requirePasswords();
        invitations.accept(token, Invitation.INVITATION, command.password());
    }
}
