package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.mail.Outbox;
import org.paperclub.system.SingleLine;

/** A forgotten password: ask for a link by e-mail, then choose a new password with it, once. */
@Controller("/api/auth")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class PasswordResetController {

    private final PasswordResets resets;
    private final Invitations invitations;
    private final ClientAddress clientAddress;
    private final Outbox outbox;
    private final SignInOptions signIn;

    PasswordResetController(PasswordResets resets, Invitations invitations, ClientAddress clientAddress, Outbox outbox,
                            SignInOptions signIn) {
        this.resets = resets;
        this.invitations = invitations;
        this.clientAddress = clientAddress;
        this.outbox = outbox;
        this.signIn = signIn;
    }

    @Serdeable
    record ResetCommand(@NotBlank @Email @Size(max = 320) @SingleLine String email) {
    }

    /**
     * What the sign-in page offers: password sign-in (and "Forgot your password?" when the site sends e-mail), and
     * the campus account's button (its label and address; both null when campus sign-in is off).
     */
    @Serdeable
    record Options(boolean mailEnabled, boolean passwordSignIn, @Nullable String campusLabel, @Nullable String campusLoginUrl) {
    }

    @Get("/options")
    @Operation(summary = "What the sign-in page offers: password sign-in, whether this site sends e-mail (for \"Forgot your "
            + "password?\"), and the campus sign-in button (label and address) when campus sign-in is on")
    Options options() {
        return new Options(outbox.enabled(), signIn.passwordSignIn(), signIn.campusLabel(),
                signIn.campusSignIn() ? SignInOptions.CAMPUS_LOGIN_PATH : null);
    }

    @Post("/password-reset")
    @Operation(summary = "Ask for a password-reset link by e-mail. The answer is the same whether an account uses the address "
            + "or not; at most a few mails per address an hour (more requests get the same answer and no mail), and too many "
            + "requests from one client get 429.")
    HttpResponse<PasswordResets.Answer> request(@Body @Valid ResetCommand command, HttpRequest<?> request) {
        signIn.requirePasswords();
        return HttpResponse.accepted().body(resets.request(command.email(), clientAddress.of(request)));
    }

    @Get("/password-reset/{token}")
    @Operation(summary = "Whose account a password-reset link is for, while it still works")
    Invitations.InvitationView view(@Size(max = 100) String token) {
        return invitations.view(token, Invitation.RESET);
    }

    @Post("/password-reset/{token}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Choose a new password with a reset link (at least 10 characters); the link then stops working and "
            + "every session of the account ends")
    void reset(@Size(max = 100) String token, @Body @Valid InvitationController.AcceptCommand command) {
        signIn.requirePasswords();
        invitations.accept(token, Invitation.RESET, command.password());
    }
}
