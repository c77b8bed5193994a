package org.paperclub.calendar;

import org.paperclub.system.Sha256;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Secret calendar links: a calendar app cannot sign in, so it subscribes with a long random token in the URL.
 * The token is shown once and only its SHA-256 is stored; a new link or a revocation ends the old one.
 */
@Singleton
class CalendarLinks {

    private final CalendarLinkRepository links;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarLinks(CalendarLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    record Issued(String token, Instant createdAt) {
    }

    @Transactional
    Issued issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        // Replaced in place; two first links made at once meet the primary key (409), not a half-made link.
        CalendarLink link = new CalendarLink(userId, hash(token), now);
        if (links.existsById(userId)) {
            links.update(link);
        } else {
            links.save(link);
        }
        return new Issued(token, now);
    }

    @Transactional
    void revoke(long userId) {
        links.deleteById(userId);
    }

    @Transactional(readOnly = true)
    Optional<Instant> createdAt(long userId) {
        return links.findById(userId).map(CalendarLink::createdAt);
    }

    /** The user a token belongs to, if it is a live link. */
    @Transactional(readOnly = true)
    Optional<Long> owner(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return links.findByTokenHash(hash(token)).map(CalendarLink::userId);
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
