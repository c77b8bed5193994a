package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How often password-reset links may be asked for, counted in fixed windows in the sign-in throttle's table (so that
 * it holds across instances): per address, so that nobody's mailbox is flooded, and per client, so that nobody
 * probes many addresses. Past the per-address limit the answer stays the same and nothing is sent: a different
 * answer would tell that the address has an account.
 */
@Singleton
class ResetThrottle {

    enum Verdict { SEND, QUIET }

    private final ThrottleRepository rows;
    private final Clock clock;
    private final int perAddress;
    private final int perClient;
    private final Duration window;

    ResetThrottle(ThrottleRepository rows, Clock clock,
                  @Value("${paperclub.password-reset.per-address:3}") int perAddress,
                  @Value("${paperclub.password-reset.per-client:20}") int perClient,
                  @Value("${paperclub.password-reset.window:1h}") Duration window) {
        this.rows = rows;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.window = window;
    }

    /**
     * Counts one request (in the caller's transaction): {@code SEND} when a mail may go to the address, {@code QUIET}
     * when the address had its share this hour. A client over its share is refused (429), with nothing counted.
     */
    Verdict ask(String email, String client) {
        Instant now = clock.instant();
        String address = "reset-address:" + PeopleService.normalizeEmail(email);
        String byClient = "reset-client:" + client;
        TreeSet<String> keys = new TreeSet<>(List.of(address, byClient));
        keys.forEach(k -> rows.insertIfAbsent(k, now.plus(window)));
        Map<String, ThrottleRow> locked = rows.lock(keys).stream()
                .collect(Collectors.toMap(ThrottleRow::throttleKey, Function.identity()));
        ThrottleRow c = fresh(locked.get(byClient), now);
        if (c.failures() >= perClient) {
            throw new TooManyAttempts("Too many requests for password links from your network.",
                    Duration.between(now, c.lastFailureAt().plus(window)));
        }
        rows.update(counted(c));
        ThrottleRow a = fresh(locked.get(address), now);
        if (a.failures() >= perAddress) {
            return Verdict.QUIET;
        }
        rows.update(counted(a));
        return Verdict.SEND;
    }

    /** The row's window (started at {@code lastFailureAt}), begun anew when the last one has passed. */
    private ThrottleRow fresh(ThrottleRow r, Instant now) {
        if (r.lastFailureAt() == null || !r.lastFailureAt().plus(window).isAfter(now)) {
            return new ThrottleRow(r.throttleKey(), 0, now, null, null, now.plus(window));
        }
        return r;
    }

    private static ThrottleRow counted(ThrottleRow r) {
        return new ThrottleRow(r.throttleKey(), r.failures() + 1, r.lastFailureAt(), null, null, r.expiresAt());
    }
}
