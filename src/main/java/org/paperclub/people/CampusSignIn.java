package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * Sign-in with the campus account (OpenID Connect), by Micronaut's OAuth 2.0 client: {@code GET /oauth/login/campus}
 * sends the browser to the provider; the provider sends it back to {@code /oauth/callback/campus}, where Micronaut
 * checks the state (its cookie), exchanges the code, and validates the ID token (signature by the provider's JWKS,
 * issuer, audience, expiry, nonce). {@link CampusAuthenticationMapper} maps the identity to an account and starts our
 * own session; {@link CampusLoginHandler} sets its cookies and sends the browser into the app. Every failure lands on
 * the sign-in page with one of the {@code sso-*} codes below, which the page turns into a sentence.
 */
final class CampusSignIn {

    /** The client's name in Micronaut's configuration, and the last segment of its routes. */
    static final String PROVIDER = "campus";
    static final String ISSUER_PROPERTY = "micronaut.security.oauth2.clients." + PROVIDER + ".openid.issuer";

    /** Where in the app to land after signing in (a route such as {@code /courses/3}), kept while at the provider. */
    static final String NEXT_COOKIE = "PAPERCLUB_SSO_NEXT";

    static final String CANCELLED = "sso-cancelled";
    static final String EXPIRED = "sso-expired";
    static final String FAILED = "sso-failed";

    // A route of the app's hash router, nothing else: the browser is only ever sent to "/#" + this, on this site.
    private static final Pattern ROUTE = Pattern.compile("/[A-Za-z0-9/_.?=&-]{0,200}");

    private CampusSignIn() {
    }

    /** The app's route to land on, when {@code next} is one; otherwise null (the home page). */
    @Nullable
    static String route(@Nullable String next) {
        return next != null && ROUTE.matcher(next).matches() && !next.startsWith("//") && !next.startsWith("/login")
                ? next : null;
    }

    static String landing(@Nullable String route) {
        return "/#" + (route == null ? "/" : route);
    }

    static String failure(String code) {
        return "/#/login?error=" + code;
    }
}
