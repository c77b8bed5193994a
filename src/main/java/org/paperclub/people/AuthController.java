package org.paperclub.people;

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
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.paperclub.course.CourseService;
import org.paperclub.course.Views.CourseView;
import org.paperclub.system.ProblemException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class AuthController {

    private final PeopleService people;
    private final CourseService courses;
    private final LoginThrottle throttle;
    private final TokenCookieLoginHandler loginHandler;
    private final SessionCookies cookies;
    private final CsrfTokens csrf;

    AuthController(PeopleService people, CourseService courses, LoginThrottle throttle,
                   TokenCookieLoginHandler loginHandler, SessionCookies cookies, CsrfTokens csrf) {
        this.people = people;
        this.courses = courses;
        this.throttle = throttle;
        this.loginHandler = loginHandler;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @Serdeable
    record LoginCommand(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    @Serdeable
    record PasswordCommand(@NotBlank String currentPassword, @NotBlank @Size(min = 10, max = 200) String newPassword) {
    }

    /** Who is signed in, their courses with their role in each, and the CSRF token of this session. */
    @Serdeable
    record Me(Long id, String email, String name, boolean courseCreator, List<CourseView> courses, String csrfToken) {
    }

    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign in: sets the HttpOnly session cookie and the XSRF-TOKEN cookie, and returns the user")
    HttpResponse<Me> login(@Body @Valid LoginCommand command, HttpRequest<?> request) {
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Duration wait = throttle.waitBefore(command.email(), address);
        if (!wait.isZero()) {
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins. Try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes."));
        }
        User user = people.authenticate(command.email(), command.password()).orElse(null);
        if (user == null) {
            throw failed(command.email(), address);
        }
        throttle.succeeded(command.email());
        Authentication authentication = Authentication.build(String.valueOf(user.id()), List.of(),
                Map.of("email", user.email(), "name", user.name()));
        List<Cookie> sessionCookies = loginHandler.getCookies(authentication, request);
        String token = sessionCookies.stream().filter(c -> c.getName().equals(cookies.sessionCookieName()))
                .findFirst().map(Cookie::getValue).orElseThrow();
        MutableHttpResponse<Me> response = HttpResponse.ok(me(user, token));
        sessionCookies.forEach(response::cookie);
        return response.cookie(cookies.csrfCookie(token));
    }

    private ProblemException failed(String email, String address) {
        throttle.failed(email, address);
        return new ProblemException(HttpStatus.UNAUTHORIZED, "The email or password is not right.");
    }

    @Post("/auth/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign out: clears the session cookies")
    HttpResponse<?> logout() {
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
    @Operation(summary = "Change my password (at least 10 characters)")
    void changePassword(@Body @Valid PasswordCommand command, Authentication auth) {
        people.changePassword(Viewer.id(auth), command.currentPassword(), command.newPassword());
    }

    private Me me(User user, String sessionToken) {
        return new Me(user.id(), user.email(), user.name(), user.courseCreator(), courses.coursesOf(user.id()),
                sessionToken.isEmpty() ? null : csrf.tokenFor(sessionToken));
    }
}
