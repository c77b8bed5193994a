package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.system.ProblemException;
import org.paperclub.system.SingleLine;

import java.time.Duration;
import java.util.List;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class AuthController {

    private final PeopleService people;
    private final CoursesOfUser courses;
    private final LoginThrottle throttle;
    private final SignIns signIns;
    private final SiteAdmins admins;
    private final org.paperclub.mail.Outbox outbox;
    private final SessionCookies cookies;
    private final CsrfTokens csrf;
    private final SignInSessions sessions;
    private final ClientAddress clientAddress;
    private final SignInOptions options;

    AuthController(PeopleService people, CoursesOfUser courses, LoginThrottle throttle,
                   SignIns signIns, SiteAdmins admins, org.paperclub.mail.Outbox outbox, SessionCookies cookies, CsrfTokens csrf,
                   SignInSessions sessions, ClientAddress clientAddress, SignInOptions options) {
        this.people = people;
        this.courses = courses;
        this.throttle = throttle;
        this.signIns = signIns;
        this.admins = admins;
        this.outbox = outbox;
        this.cookies = cookies;
        this.csrf = csrf;
        this.sessions = sessions;
        this.clientAddress = clientAddress;
        this.options = options;
    }

    @Serdeable
    record LoginCommand(@NotBlank @Size(max = 320) @SingleLine String email,
                        @NotBlank @Size(max = 200) @SingleLine String password) {
    }

    @Serdeable
    record PasswordCommand(@NotBlank String currentPassword, @NotBlank @Size(min = 10, max = 200) String newPassword) {
    }

    // The courses are the course package's views, given by CoursesOfUser: people may not depend on course, so the
    // document names their schema by reference.
    /**
     * Who is signed in (and whether a site administrator), whether this site keeps passwords (else: the campus sign-in's
     * label) and sends e-mail, their courses with their role in each, and the CSRF token of this session. */
    @Serdeable
    record Me(Long id, String email, String name, boolean courseCreator, boolean siteAdmin, boolean passwordSignIn,
              @Nullable String campusLabel, boolean mailEnabled,
              @ArraySchema(schema = @Schema(ref = "#/components/schemas/CourseViews.CourseView")) List<?> courses,
              String csrfToken) {
    }

    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign in: sets the HttpOnly session cookie and the XSRF-TOKEN cookie, and returns the user; "
            + "403 on a site that signs in with the campus account only")
    HttpResponse<Me> login(@Body @Valid LoginCommand command, HttpRequest<?> request) {
        options.requirePasswords();
        String client = clientAddress.of(request);
        Duration wait = throttle.attempt(command.email(), client);
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
        User user = people.authenticate(command.email(), command.password()).orElseThrow(
                () -> new ProblemException(HttpStatus.UNAUTHORIZED, "The email or password is not right."));
        throttle.succeeded(command.email(), client);
        List<Cookie> sessionCookies = signIns.start(user, request);
        MutableHttpResponse<Me> response = HttpResponse.ok(me(user, sessionCookies.get(0).getValue()));
        sessionCookies.forEach(response::cookie);
        return response;
    }

    @Post("/auth/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign out: ends the session (on every instance) and clears the session cookies")
    HttpResponse<?> logout(@Nullable Authentication auth) {
        if (auth != null) {
            sessions.end(sid(auth));
        }
        MutableHttpResponse<?> response = HttpResponse.noContent();
        cookies.cleared().forEach(response::cookie);
        return response;
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Who am I: the signed-in user, their courses and role in each, and the CSRF token")
    Me me(Authentication auth, HttpRequest<?> request) {
        User user = people.user(Viewer.id(auth))
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "Your account no longer exists."));
        String token = request.getCookies().findCookie(cookies.sessionCookieName()).map(Cookie::getValue).orElse("");
        return me(user, token);
    }

    @Put("/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change my password (at least 10 characters); ends my other sessions, keeps this one")
    void changePassword(@Body @Valid PasswordCommand command, Authentication auth, HttpRequest<?> request) {
        options.requirePasswords();
        long userId = Viewer.id(auth);
        User user = people.user(userId)
                .orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "Your account no longer exists."));
        // A stolen session must not become a way to guess the password: the same throttle as sign-in.
        String client = clientAddress.of(request);
        Duration wait = throttle.attempt(user.email(), client);
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
        people.changePassword(userId, command.currentPassword(), command.newPassword(), sid(auth));
        throttle.succeeded(user.email(), client);
    }

    @Nullable
    private static String sid(Authentication auth) {
        return auth.getAttributes().get(SignInSessions.CLAIM) instanceof String sid ? sid : null;
    }

    private Me me(User user, String sessionToken) {
        return new Me(user.id(), user.email(), user.name(), user.courseCreator(), admins.isAdmin(user.id()), options.passwordSignIn(),
                options.campusSignIn() ? options.campusLabel() : null, outbox.enabled(), courses.coursesOf(user.id()),
                sessionToken.isEmpty() ? null : csrf.tokenFor(sessionToken));
    }
}
