package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import org.paperclub.system.Problems;

import java.util.Set;

/**
 * Refuses a state-changing API request that carries the session cookie but not the session's CSRF token in the
 * {@value CsrfTokens#HEADER} header. Browsers attach cookies to cross-site form posts; they never let another
 * site set this header or read the token. Requests without a session cookie are anonymous and get their 401 from
 * security instead. Sign-in itself is exempt: it has no session yet.
 */
@ServerFilter("/api/**")
class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final CsrfTokens tokens;
    private final String sessionCookie;

    CsrfFilter(CsrfTokens tokens, SessionCookies cookies) {
        this.tokens = tokens;
        this.sessionCookie = cookies.sessionCookieName();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getPath().equals("/api/auth/login")) {
            return null;
        }
        Cookie session = request.getCookies().get(sessionCookie);
        if (session == null || session.getValue().isBlank()) {
            return null;
        }
        if (tokens.matches(session.getValue(), request.getHeaders().get(CsrfTokens.HEADER))) {
            return null;
        }
        return Problems.response(HttpStatus.FORBIDDEN,
                "This request lacks its security token (" + CsrfTokens.HEADER + "). Reload the page and try again.");
    }

    @Override
    public int getOrder() {
        // Before security, so a forged request is refused before anything looks at it.
        return ServerFilterPhase.SECURITY.before();
    }
}
