package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts a signed token only while its session lives in the database and it names a user by number: a token of
 * an ended session, or one that does not parse as ours, is no sign-in at all (401), never a 500. Runs on the
 * blocking pool ({@code micronaut.security.token.jwt.nimbus.reactive-validator-execute-on-blocking}), as it reads
 * the database.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {

    private final SignInSessions sessions;

    SessionClaimsValidator(SignInSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Long userId = Viewer.parseId(claims.get(Claims.SUBJECT));
        return userId != null && claims.get(SignInSessions.CLAIM) instanceof String sid && !sid.isEmpty()
                && sessions.isLive(sid, userId);
    }
}
