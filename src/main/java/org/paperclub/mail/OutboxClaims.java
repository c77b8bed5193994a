package org.paperclub.mail;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox's row states, each change its own short transaction. A claim leases rows for {@link #LEASE}: the SMTP
 * conversation happens outside any transaction, and another instance skips leased rows, so no row is sent twice
 * unless its sender died mid-send (then the lease runs out and the row goes again: at least once, never lost).
 */
@Singleton
class OutboxClaims {

    /** Far longer than a batch takes: {@link MailSender#BATCH} messages at the SMTP timeouts. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final OutboxRepository rows;
    private final Clock clock;
    private final Duration firstRetry;

    OutboxClaims(OutboxRepository rows, Clock clock, @Value("${paperclub.mail.first-retry:30s}") Duration firstRetry) {
        this.rows = rows;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    @Transactional
    List<OutboxRow> claim(int limit) {
        Instant now = clock.instant();
        List<Long> ids = rows.lockDue(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        rows.lease(ids, now.plus(LEASE));
        return rows.findByIds(ids);
    }

    @Transactional
    void sent(long id) {
        rows.markSent(id, clock.instant());
    }

    @Transactional
    void retryLater(OutboxRow row, String error) {
        rows.retryLater(row.id(), clock.instant().plus(backOff(firstRetry, row.attempts())), clip(error));
    }

    @Transactional
    void failed(long id, String error) {
        rows.markFailed(id, clip(error));
    }

    @Transactional
    void forgetSentBefore(Instant before) {
        rows.deleteSentBefore(before);
    }

    /**
     * 30 s, 1, 2, 4 … minutes (doubling from {@code first}), at most 30 minutes: a server down for an hour is retried
     * about a dozen times, not thousands.
     */
    static Duration backOff(Duration first, int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private static String clip(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() > 1000 ? e.substring(0, 1000) : e;
    }
}
