package org.paperclub.people;

import org.paperclub.system.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Sign-in sessions kept in the database, so that ending one (sign-out, a password change, staff signing someone
 * out) takes effect on every instance at once. A token names its session by a random {@code sid} claim; each
 * authenticated request reads that one row by its primary key.
 */
@Singleton
class SignInSessions {

    static final String CLAIM = "sid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInSessionRepository sessions;
    private final Clock clock;
    private final Duration lifetime;

    SignInSessions(SignInSessionRepository sessions, Clock clock, AccessTokenConfiguration tokens) {
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = Duration.ofSeconds(tokens.getExpiration());
    }

    /** A new session of the user; returns the sid its token must carry. */
    String start(long userId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        sessions.save(new SignInSession(hash(sid), userId, now, now.plus(lifetime)));
        return sid;
    }

    boolean isLive(String sid, long userId) {
        return sessions.findById(hash(sid))
                .filter(s -> s.userId() == userId && s.expiresAt().isAfter(clock.instant()))
                .isPresent();
    }

    void end(@Nullable String sid) {
        if (sid != null) {
            sessions.deleteById(hash(sid));
        }
    }

    /** Ends every session of the user (on every instance), but the one named {@code keep} when given. */
    @Transactional
    void endAll(long userId, @Nullable String keep) {
        if (keep == null) {
            sessions.deleteByUserId(userId);
        } else {
            sessions.deleteOthers(userId, hash(keep));
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void forgetExpired() {
        sessions.deleteByExpiresAtLessThan(clock.instant());
    }

    private static String hash(String sid) {
        return Sha256.hex(sid);
    }
}
