package org.paperclub.people;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Around Micronaut's campus sign-in routes: the start remembers where in the app to land (a {@code next} route,
 * in a short-lived cookie the callback reads); and whatever goes wrong on the way back (the person cancels at the
 * provider, the provider reports an error, the code exchange fails, the ID token is refused) lands on the sign-in
 * page with a reason, never on an error document.
 */
@ServerFilter("/oauth/**")
@Requires(property = CampusSignIn.ISSUER_PROPERTY)
class CampusSignInFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CampusSignInFilter.class);

    private final AccessTokenCookieConfiguration cookies;

    CampusSignInFilter(AccessTokenCookieConfiguration cookies) {
        this.cookies = cookies;
    }

    @ResponseFilter
    HttpResponse<?> around(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() >= 400) {
            String error = request.getParameters().get("error");
            LOG.info("Campus sign-in at {} ended in {}{}", request.getPath(), response.code(), error == null ? "" : " (provider: " + error + ")");
            // access_denied is what a provider answers when the person declines or cancels (RFC 6749, 4.1.2.1).
            return CampusLoginHandler.failed("access_denied".equals(error) ? CampusSignIn.CANCELLED : CampusSignIn.FAILED);
        }
        if (request.getPath().startsWith("/oauth/login/") && response.code() / 100 == 3) {
            String route = CampusSignIn.route(request.getParameters().get("next"));
            if (route != null) {
                // Lax: the provider brings the browser back with a top-level GET from its own site.
                Cookie next = Cookie.of(CampusSignIn.NEXT_COOKIE, route).path("/oauth").httpOnly(true).sameSite(SameSite.Lax)
                        .maxAge(Duration.ofMinutes(10));
                cookies.isCookieSecure().ifPresent(next::secure);
                response.cookie(next);
            }
        }
        return response;
    }
}
