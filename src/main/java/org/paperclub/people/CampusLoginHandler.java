package org.paperclub.people;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * The end of a campus sign-in at Micronaut's callback: the session {@link CampusAuthenticationMapper} began gets its
 * cookies (the HttpOnly session cookie and the CSRF token, as a password sign-in), and the browser goes to the page
 * the person wanted; a failure goes back to the sign-in page with the reason's code. Primary over Micronaut's own
 * cookie handler, which would make a session of its own without our CSRF token and redirect to a fixed address.
 */
@Singleton
@Primary
@Requires(property = CampusSignIn.ISSUER_PROPERTY)
class CampusLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(CampusLoginHandler.class);

    private final SignIns signIns;

    CampusLoginHandler(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        String route = CampusSignIn.route(request.getCookies().findCookie(CampusSignIn.NEXT_COOKIE).map(Cookie::getValue).orElse(null));
        MutableHttpResponse<?> response = HttpResponse.seeOther(URI.create(CampusSignIn.landing(route)));
        signIns.cookiesOf(authentication, request).forEach(response::cookie);
        response.cookie(Cookie.of(CampusSignIn.NEXT_COOKIE, "").path("/oauth").httpOnly(true).maxAge(0));
        return response;
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        // Sessions are not refreshed by a provider's token: signing in again makes a new one.
        return failed(CampusSignIn.FAILED);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse failure, HttpRequest<?> request) {
        String reason = failure.getMessage().orElse("");
        LOG.info("Campus sign-in refused: {}", reason);
        // Micronaut says "State validation failed" when the state cookie is gone (over 5 minutes, another browser
        // window) or does not match the state the provider sent back.
        return failed(reason.startsWith("State validation failed") ? CampusSignIn.EXPIRED : CampusSignIn.FAILED);
    }

    static MutableHttpResponse<?> failed(String code) {
        return HttpResponse.seeOther(URI.create(CampusSignIn.failure(code)));
    }
}
