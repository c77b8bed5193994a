package org.paperclub.people;

import org.paperclub.system.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Sign-in sessions kept in the database, so that ending one (sign-out, a password change, staff signing someone
 * out) takes effect on every instance at once. A token names its session by a random {@code sid} claim; each
 * authenticated request reads that one row by its primary key ({@link #check}), with the caller's enrollment in the
 * course the request is about in the same statement.
 */
@Singleton
class SignInSessions {

    static final String CLAIM = "sid";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The session's row (by its primary key, still live) and, in the same statement, the caller's enrollment in the
     * course the request names (none when it names none: no course has id 0). Read by hand: Micronaut Data's entity
     * mapping of the two rows cost more than the database (src/bench/README.md).
     */
    private static final String CHECK = "select e.role, e.withdrawn_at from sign_in_session s"
            + " left join enrollment e on e.course_id = ? and e.user_id = s.user_id"
            + " where s.id = ? and s.user_id = ? and s.expires_at > ?";

    /**
     * What the check of a request's session found: it lives, and the caller's role in the course the request names
     * ({@code courseId}; null when they are not enrolled, were withdrawn, or the request names no course).
     */
    record Live(long userId, long courseId, @Nullable CourseRole role) {
    }

    private final SignInSessionRepository sessions;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final Duration lifetime;

    SignInSessions(SignInSessionRepository sessions, JdbcOperations jdbc, Clock clock, AccessTokenConfiguration tokens) {
        this.sessions = sessions;
        this.jdbc = jdbc;
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

    /**
     * The session named by {@code sid} when it lives and belongs to {@code userId}, with the user's role in course
     * {@code courseId} (0: none) as of the same statement; null when the session has ended or expired.
     */
    @Connectable
    @Nullable
    Live check(String sid, long userId, long courseId) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return jdbc.prepareStatement(CHECK, statement -> {
            statement.setLong(1, courseId);
            statement.setString(2, hash(sid));
            statement.setLong(3, userId);
            statement.setObject(4, now);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                String role = row.getString(1);
                boolean enrolled = role != null && row.getObject(2) == null;
                return new Live(userId, courseId, enrolled ? CourseRole.valueOf(role) : null);
            }
        });
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
