package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts a signed token only while its session lives in the database and it names a user by number: a token of
 * an ended session, or one that does not parse as ours, is no sign-in at all (401), never a 500. Runs on the
 * blocking pool ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}), as it reads
 * the database.
 * <p>
 * Micronaut also runs this check on the campus provider's ID token while it validates a campus sign-in
 * ({@link CampusSignIn}): that token is the provider's, never a session, so it passes here, and Micronaut's OpenID
 * checks (issuer, audience, nonce, expiry) judge it. Only there: the provider's issuer on a token presented
 * anywhere else is no session.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final SignInSessions sessions;
    private final String campusIssuer;

    SessionClaimsValidator(SignInSessions sessions, @Value("${" + CampusSignIn.ISSUER_PROPERTY + ":}") String campusIssuer) {
        this.sessions = sessions;
        this.campusIssuer = stripSlash(campusIssuer);
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        if (isCampusIdTokenAtCallback(claims, request)) {
            return true;
        }
        Long userId = Viewer.parseId(claims.get(Claims.SUBJECT));
        return userId != null && claims.get(SignInSessions.CLAIM) instanceof String sid && !sid.isEmpty()
                && sessions.isLive(sid, userId);
    }

    private boolean isCampusIdTokenAtCallback(Claims claims, @Nullable T request) {
        // Micronaut's ID token check runs with the callback request, or with none (after the token exchange).
        boolean atCallback = request == null
                || request instanceof HttpRequest<?> http && http.getPath().startsWith("/oauth/callback/");
        return atCallback && !campusIssuer.isEmpty() && claims.get(Claims.ISSUER) instanceof String issuer
                && stripSlash(issuer).equals(campusIssuer);
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
