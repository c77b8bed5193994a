package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Slows down password guessing (sign-in and the current password of a password change) without letting anyone
 * lock the owner out. Kept in the database, so that it holds across instances.
 * <ul>
 * <li>Per (account, client): a few free failures, then each failure makes the next attempt wait twice as long as
 * the last (up to {@code max-delay}). Only guesses from the same client slow the owner down.</li>
 * <li>Per account and per client (a softer, wider bound against guessing from many clients, or many accounts from
 * one): past their thresholds, delays that grow only up to {@code soft-max-delay}. They do not apply to an account
 * on a client it has signed in from before, so the owner's own client is never held back by others' guesses.</li>
 * </ul>
 * An attempt is counted as a failure before the password is checked, and taken back when it was right: parallel
 * guesses cannot slip through before their failures are counted.
 */
@Singleton
class LoginThrottle {

    private final ThrottleRepository rows;
    private final Clock clock;
    private final int freeFailures;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private final int accountFailures;
    private final int clientFailures;
    private final Duration softMaxDelay;
    private final Duration forgetAfter;
    private final Duration rememberClient;

    LoginThrottle(ThrottleRepository rows, Clock clock,
                  @Value("${paperclub.login.free-failures:3}") int freeFailures,
                  @Value("${paperclub.login.first-delay:1s}") Duration firstDelay,
                  @Value("${paperclub.login.max-delay:15m}") Duration maxDelay,
                  @Value("${paperclub.login.account-failures:10}") int accountFailures,
                  @Value("${paperclub.login.client-failures:30}") int clientFailures,
                  @Value("${paperclub.login.soft-max-delay:1m}") Duration softMaxDelay,
                  @Value("${paperclub.login.forget-after:24h}") Duration forgetAfter,
                  @Value("${paperclub.login.remember-client:30d}") Duration rememberClient) {
        this.rows = rows;
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
        this.accountFailures = accountFailures;
        this.clientFailures = clientFailures;
        this.softMaxDelay = softMaxDelay;
        this.forgetAfter = forgetAfter;
        this.rememberClient = rememberClient;
    }

    /**
     * Zero when this attempt may check a password (it is then counted as failed until {@link #succeeded}), else
     * how long the client must still wait (nothing is counted).
     */
    @Transactional
    Duration attempt(String email, String client) {
        Instant now = clock.instant();
        Keys keys = new Keys(email, client);
        Map<String, ThrottleRow> locked = lock(keys, now);
        ThrottleRow pair = locked.get(keys.pair());
        ThrottleRow account = locked.get(keys.account());
        ThrottleRow byClient = locked.get(keys.client());
        Duration wait = remaining(pair, now);
        if (pair.lastSuccessAt() == null) {
            wait = Stream.of(wait, remaining(account, now), remaining(byClient, now)).max(Comparator.naturalOrder()).orElseThrow();
        }
        if (!wait.isZero()) {
            return wait;
        }
        rows.update(failed(pair, freeFailures, maxDelay, now));
        rows.update(failed(account, accountFailures, softMaxDelay, now));
        rows.update(failed(byClient, clientFailures, softMaxDelay, now));
        return Duration.ZERO;
    }

    /** The password was right: the client is now the account's own, and the attempt is not a failure. */
    @Transactional
    void succeeded(String email, String client) {
        Instant now = clock.instant();
        Keys keys = new Keys(email, client);
        Map<String, ThrottleRow> locked = lock(keys, now);
        rows.update(new ThrottleRow(keys.pair(), 0, null, null, now, later(locked.get(keys.pair()).expiresAt(), now.plus(rememberClient))));
        for (String key : List.of(keys.account(), keys.client())) {
            ThrottleRow r = locked.get(key);
            rows.update(new ThrottleRow(key, Math.max(0, r.failures() - 1), r.lastFailureAt(), r.blockedUntil(),
                    r.lastSuccessAt(), r.expiresAt()));
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void forgetOld() {
        rows.deleteByExpiresAtLessThan(clock.instant());
    }

    private Map<String, ThrottleRow> lock(Keys keys, Instant now) {
        TreeSet<String> all = new TreeSet<>(List.of(keys.pair(), keys.account(), keys.client()));
        all.forEach(k -> rows.insertIfAbsent(k, now.plus(forgetAfter)));
        return rows.lock(all).stream().collect(Collectors.toMap(ThrottleRow::throttleKey, Function.identity()));
    }

    private ThrottleRow failed(ThrottleRow r, int threshold, Duration cap, Instant now) {
        boolean forgotten = r.lastFailureAt() == null || r.lastFailureAt().plus(forgetAfter).isBefore(now);
        int failures = forgotten ? 1 : r.failures() + 1;
        Instant blocked = failures > threshold ? now.plus(delay(failures - threshold, cap)) : null;
        return new ThrottleRow(r.throttleKey(), failures, now, blocked, r.lastSuccessAt(), later(r.expiresAt(), now.plus(forgetAfter)));
    }

    /** {@code firstDelay} after the first failure over the threshold, doubling with each further one, up to cap. */
    private Duration delay(int over, Duration cap) {
        long millis = firstDelay.toMillis() << Math.min(over - 1, 40);
        return Duration.ofMillis(Math.min(millis, cap.toMillis()));
    }

    private static Duration remaining(ThrottleRow r, Instant now) {
        return r.blockedUntil() == null || !r.blockedUntil().isAfter(now) ? Duration.ZERO : Duration.between(now, r.blockedUntil());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Keys(String pair, String account, String client) {
        Keys(String email, String client) {
            this("pair:" + PeopleService.normalizeEmail(email) + " " + client, "account:" + PeopleService.normalizeEmail(email),
                    "client:" + client);
        }
    }
}
