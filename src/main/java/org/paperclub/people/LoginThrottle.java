package org.paperclub.people;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Refuses sign-in for a while after repeated failures, per account and per client address, so that a password
 * cannot be guessed by brute force. Kept in memory: each app instance counts on its own, which still bounds
 * guessing to a few tries per instance and window.
 */
@Singleton
class LoginThrottle {

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    LoginThrottle(@Value("${paperclub.login.max-failures:5}") int maxFailures,
                  @Value("${paperclub.login.lockout:15m}") Duration lockout,
                  Clock clock) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(lockout).build();
    }

    /** How long the caller must still wait, or zero when they may try. */
    Duration waitBefore(String email, String address) {
        Instant now = clock.instant();
        Duration wait = waitFor(accountKey(email), now);
        Duration byAddress = waitFor(addressKey(address), now);
        return wait.compareTo(byAddress) >= 0 ? wait : byAddress;
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        record(accountKey(email), maxFailures, now);
        // An address may try more accounts than one account may be tried: a classroom shares one NAT address.
        record(addressKey(address), maxFailures * 6, now);
    }

    void succeeded(String email) {
        failures.invalidate(accountKey(email));
    }

    private Duration waitFor(String key, Instant now) {
        Failures f = failures.getIfPresent(key);
        if (f == null || f.lockedUntil == null || !f.lockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, f.lockedUntil);
    }

    private void record(String key, int limit, Instant now) {
        failures.asMap().compute(key, (k, old) -> {
            Failures f = old == null || (old.lockedUntil != null && !old.lockedUntil.isAfter(now)) ? new Failures() : old;
            f.count++;
            if (f.count >= limit) {
                f.lockedUntil = now.plus(lockout);
            }
            return f;
        });
    }

    private static String accountKey(String email) {
        return "account:" + email.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static final class Failures {
        int count;
        Instant lockedUntil;
    }
}
