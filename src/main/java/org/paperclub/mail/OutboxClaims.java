package org.paperclub.mail;

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

    OutboxClaims(OutboxRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
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
        rows.retryLater(row.id(), clock.instant().plus(backOff(row.attempts())), clip(error));
    }

    @Transactional
    void failed(long id, String error) {
        rows.markFailed(id, clip(error));
    }

    /** 30 s, 1, 2, 4 … minutes, at most 30: a server down for an hour is retried about a dozen times, not thousands. */
    static Duration backOff(int attempts) {
        long seconds = 30L << Math.min(Math.max(attempts - 1, 0), 6);
        return Duration.ofSeconds(Math.min(seconds, 30 * 60));
    }

    private static String clip(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() > 1000 ? e.substring(0, 1000) : e;
    }
}
