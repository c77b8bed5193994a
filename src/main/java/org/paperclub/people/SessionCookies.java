package org.paperclub.people;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import jakarta.inject.Singleton;

import java.util.List;

/** The cookies of a sign-in session: the HttpOnly session token and the readable CSRF token bound to it. */
@Singleton
class SessionCookies {

    private final AccessTokenCookieConfiguration config;
    private final CsrfTokens csrf;

    SessionCookies(AccessTokenCookieConfiguration config, CsrfTokens csrf) {
        this.config = config;
        this.csrf = csrf;
    }

    String sessionCookieName() {
        return config.getCookieName();
    }

    Cookie csrfCookie(String sessionToken) {
        Cookie cookie = Cookie.of(CsrfTokens.COOKIE, csrf.tokenFor(sessionToken)).path("/").sameSite(SameSite.Strict);
        config.isCookieSecure().ifPresent(cookie::secure);
        config.getCookieMaxAge().ifPresent(cookie::maxAge);
        return cookie;
    }

    /** Expired copies of both cookies: what sign-out sends. */
    List<Cookie> cleared() {
        Cookie session = Cookie.of(config.getCookieName(), "").path(config.getCookiePath().orElse("/")).httpOnly(true).maxAge(0);
        Cookie token = Cookie.of(CsrfTokens.COOKIE, "").path("/").maxAge(0);
        return List.of(session, token);
    }
}
