package org.paperclub.lti;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.lti.ServiceRepositories.ScoreRepository;
import org.paperclub.lti.ServiceRepositories.ScoreRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The score outbox's state changes, each its own short transaction, as the mail outbox's. A claim leases rows for
 * {@code paperclub.lti.lease} ({@link #LEASE} unless set); the HTTP happens outside any transaction, and another sender
 * skips leased rows, until the lease lapses: a row whose sender died mid-send is then claimed again. A claimed row that a
 * newer score of the same student and line item has overtaken is superseded instead of posted, and a row whose older
 * score another sender is posting right now waits, so that a stale score is never posted after a newer one.
 */
@Singleton
class ScoreClaims {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration MAX_WAIT = Duration.ofMinutes(30);

    private final ScoreRepository rows;
    private final ContextLinkRepository links;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration lease;

    // The lease is a setting so that a test can kill a sender mid-send and see its rows claimed again within seconds.
    ScoreClaims(ScoreRepository rows, ContextLinkRepository links, Clock clock,
                @Value("${paperclub.lti.first-retry:30s}") Duration firstRetry, @Value("${paperclub.lti.lease:5m}") Duration lease) {
        this.rows = rows;
        this.links = links;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.lease = lease;
    }

    @Transactional
    List<ScoreRow> claim(int limit) {
        Instant now = clock.instant();
        List<Long> ids = rows.lockDue(now, limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        // Scores for an LMS course unlinked since they were queued (or queued by a publish that raced the unlink): dropped.
        List<Long> unlinked = rows.unlinked(ids);
        if (!unlinked.isEmpty()) {
            rows.dropQueued(unlinked);
        }
        List<ScoreRow> claimed = new ArrayList<>();
        List<ScoreRow> waiting = new ArrayList<>();
        for (ScoreRow r : rows.findByIds(ids)) {
            if (unlinked.contains(r.id())) {
                continue;
            } else if (rows.newer(r.id(), r.contextId(), r.resourceId(), r.studentId()) > 0) {
                rows.markSuperseded(r.id());
            } else if (rows.olderBeingSent(r.id(), r.contextId(), r.resourceId(), r.studentId(), now) > 0) {
                waiting.add(r);
            } else {
                claimed.add(r);
            }
        }
        if (!claimed.isEmpty()) {
            rows.lease(claimed.stream().map(ScoreRow::id).toList(), now.plus(lease));
        }
        return claimed;
    }

    /** How long a claim holds its rows. */
    Duration lease() {
        return lease;
    }

    /** Gives claimed rows back unattempted: due at once, to this sender's next claim or another's. */
    @Transactional
    void release(List<Long> ids) {
        if (!ids.isEmpty()) {
            rows.release(ids);
        }
    }

    /**
     * Whether the row's LMS course is still linked to the course that queued it; if not, the row is dropped. Asked just
     * before a post: an unlink that commits after this answer is the one window left (that one post may still go).
     */
    @Transactional
    boolean stillLinked(ScoreRow row) {
        if (row.courseId().equals(links.linkedCourse(row.contextId()))) {
            return true;
        }
        rows.dropQueued(List.of(row.id()));
        return false;
    }

    @Transactional
    void sent(long id) {
        rows.markSent(id, clock.instant());
    }

    @Transactional
    void retryLater(ScoreRow row, String error) {
        // The lease added one attempt: the first retry waits firstRetry, then each doubles.
        rows.retryLater(row.id(), clock.instant().plus(backOff(firstRetry, row.attempts() + 1)), PlatformHttp.clip(error, 1000));
    }

    @Transactional
    void failed(long id, String error) {
        rows.markFailed(id, PlatformHttp.clip(error, 1000));
    }

    /** {@code first}, then doubling, at most {@link #MAX_WAIT}: an LMS down for a day is tried about 50 times, not thousands. */
    static Duration backOff(Duration first, int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}
