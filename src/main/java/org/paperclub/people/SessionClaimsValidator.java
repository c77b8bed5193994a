package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.body.AvailableByteBody;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts a signed token only while its session lives in the database and it names a user by number: a token of
 * an ended session, or one that does not parse as ours, is no sign-in at all (401), never a 500. Runs on the
 * blocking pool ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}), as it reads
 * the database.
 * <p>
 * A request under {@code /api/courses/{courseId}} has the caller's enrollment in that course read in the same statement
 * as the session (one round trip instead of two) and kept on the request ({@link #LIVE}) for the course gate, which
 * asks {@link PeopleService#callerRoleIn} on the same request a moment later.
 * <p>
 * Micronaut also runs this check on the campus provider's ID token while it validates a campus sign-in
 * ({@link CampusSignIn}): that token is the provider's, never a session, so it passes here, and Micronaut's OpenID
 * checks (issuer, audience, nonce, expiry) judge it. Only there: the provider's issuer on a token presented
 * anywhere else is no session.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    /** The request attribute holding what {@link SignInSessions#check} found for the request's session. */
    static final String LIVE = "paperclub.sign-in";

    private static final String COURSES = "/api/courses/";

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
        if (userId == null || !(claims.get(SignInSessions.CLAIM) instanceof String sid) || sid.isEmpty()) {
            return false;
        }
        HttpRequest<?> http = request instanceof HttpRequest<?> r ? r : null;
        SignInSessions.Live live = sessions.check(sid, userId, http == null || !arrived(http) ? 0 : courseOf(http.getPath()));
        if (live != null && http != null) {
            http.setAttribute(LIVE, live);
        }
        return live != null;
    }

    /**
     * Whether the request's body (if any) is all in: this check runs as soon as the headers are, and the course gate
     * only once the body is read. The enrollment is read here only then, so that a caller withdrawn while a slow body
     * is on its way (a TA's upload) is judged by the gate's own read afterwards, as it was before this shortcut.
     */
    private static boolean arrived(HttpRequest<?> http) {
        return http instanceof ServerHttpRequest<?> server && server.byteBody() instanceof AvailableByteBody;
    }

    /** The course a path under /api/courses/{courseId} names, else 0 (no course has that id). */
    static long courseOf(String path) {
        if (!path.startsWith(COURSES)) {
            return 0;
        }
        int end = path.indexOf('/', COURSES.length());
        Long id = Viewer.parseId(path.substring(COURSES.length(), end < 0 ? path.length() : end));
        return id == null ? 0 : id;
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
