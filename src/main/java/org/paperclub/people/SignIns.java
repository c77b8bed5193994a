package org.paperclub.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts a sign-in session for someone whose identity was established elsewhere: the password check, an LMS launch,
 * the campus OpenID provider. The cookies returned are the HttpOnly session cookie and the CSRF token bound to it.
 */
@Singleton
public class SignIns {

    private final TokenCookieLoginHandler loginHandler;
    private final SessionCookies cookies;
    private final SignInSessions sessions;

    SignIns(TokenCookieLoginHandler loginHandler, SessionCookies cookies, SignInSessions sessions) {
        this.loginHandler = loginHandler;
        this.cookies = cookies;
        this.sessions = sessions;
    }

    /** The session's cookies; the first is the session cookie. */
    public List<Cookie> start(User user, HttpRequest<?> request) {
        return cookiesOf(begin(user), request);
    }

    /**
     * A new session of the user (its row in the database), as the authentication its cookies carry: for a sign-in
     * that starts the session on the blocking pool and makes the cookies later, on whichever thread answers.
     */
    Authentication begin(User user) {
        return Authentication.build(String.valueOf(user.id()), List.of(),
                Map.of("email", user.email(), "name", user.name(), SignInSessions.CLAIM, sessions.start(user.id())));
    }

    /** The cookies of a session {@link #begin begun}; the first is the session cookie. */
    List<Cookie> cookiesOf(Authentication authentication, HttpRequest<?> request) {
        List<Cookie> sessionCookies = new ArrayList<>(loginHandler.getCookies(authentication, request));
        sessionCookies.sort((a, b) -> Boolean.compare(!a.getName().equals(cookies.sessionCookieName()),
                !b.getName().equals(cookies.sessionCookieName())));
        String token = sessionCookies.get(0).getValue();
        sessionCookies.add(cookies.csrfCookie(token));
        return sessionCookies;
    }
}
