package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.paperclub.lti.ServiceRepositories.ScoreRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Posts the score outbox (AGS 2.0 score publish service): claims a batch of due rows, makes each one's line item on
 * first need, and posts the score. A platform that is down (no answer, 5xx, 429) gets the row back later with a
 * back-off, and the rest of that context's batch waits with it; a score the platform refuses (another 4xx) fails that
 * row, with the platform's answer kept for staff. A row still unsent after {@link #GIVE_UP} fails.
 */
@Singleton
class ScoreSender {

    static final Duration GIVE_UP = Duration.ofDays(3);
    private static final Logger LOG = LoggerFactory.getLogger(ScoreSender.class);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final ScoreClaims claims;
    private final LineItems lineItems;
    private final LtiContextRepository contexts;
    private final Registrations registrations;
    private final ServiceTokens tokens;
    private final PlatformHttp http;
    private final Clock clock;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();

    ScoreSender(ScoreClaims claims, LineItems lineItems, LtiContextRepository contexts, Registrations registrations,
                ServiceTokens tokens, PlatformHttp http, Clock clock, @Value("${paperclub.lti.batch:20}") int batch) {
        this.batchSize = Math.max(1, batch);
        this.claims = claims;
        this.lineItems = lineItems;
        this.contexts = contexts;
        this.registrations = registrations;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${paperclub.lti.poll-interval:10s}", initialDelay = "${paperclub.lti.poll-interval:10s}")
    void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Posting scores to the LMS failed: {}", e.toString());
        }
    }

    /** Posts what is due now, batch after batch; the number posted. Safe to call from several threads and instances. */
    int sendDue() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int sent = 0;
            while (true) {
                Instant stopAt = clock.instant().plus(claims.lease()).minus(margin());
                List<ScoreRow> batch = claims.claim(batchSize);
                if (batch.isEmpty()) {
                    return sent;
                }
                int n = send(batch, stopAt);
                sent += n;
                if (n == 0) {
                    return sent; // nothing went through: the back-off decides when to try again
                }
            }
        } finally {
            running.set(false);
        }
    }

    /**
     * How long before its claim lapses a sender stops starting posts: one score can take three requests (token, line
     * item, score), each up to the service timeout. Past that, another sender may claim the row and post a newer score
     * that this one's older post would then overwrite.
     */
    private Duration margin() {
        Duration posting = http.timeout().multipliedBy(3);
        Duration half = claims.lease().dividedBy(2);
        return posting.compareTo(half) < 0 ? posting : half;
    }

    private int send(List<ScoreRow> batch, Instant stopAt) {
        int sent = 0;
        Map<Long, String> unavailable = new java.util.HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ScoreRow row = batch.get(i);
            if (clock.instant().isAfter(stopAt)) {
                // The claim would run out while posting: the rest go back, to be claimed afresh.
                claims.release(batch.subList(i, batch.size()).stream().map(ScoreRow::id).toList());
                break;
            }
            if (unavailable.containsKey(row.contextId())) {
                later(row, unavailable.get(row.contextId()));
                continue;
            }
            try {
                if (!claims.stillLinked(row)) {
                    continue; // the LMS course was unlinked: its scores are not sent (ContextUnlink)
                }
                Optional<LtiContext> c = contexts.findById(row.contextId()).filter(x -> x.lineitemsUrl() != null);
                Optional<Registration> r = c.flatMap(x -> registrations.find(x.registrationId()));
                if (c.isEmpty() || r.isEmpty()) {
                    claims.failed(row.id(), "The LMS course is no longer linked or no longer offers grades.");
                    continue;
                }
                // The token first, outside the line item's transaction: the platform verifies its assertion against the
                // tool's key set, which must not hang on a transaction of this thread (the first key is made on first use).
                tokens.token(r.get(), List.of(Ags.SCOPE_LINEITEM, Ags.SCOPE_SCORE));
                String url = lineItems.ensure(r.get(), c.get(), row.resourceId(), row.tag(), row.label());
                var uri = http.uri(Ags.scoresOf(url), r.get().name() + "'s scores address");
                String body = JSONObjectUtils.toJSONString(body(row));
                if (!claims.stillLinked(row)) {
                    continue; // unlinked while the token or the line item was fetched
                }
                PlatformHttp.Answer a = http.call(tokens, r.get(), List.of(Ags.SCOPE_LINEITEM, Ags.SCOPE_SCORE),
                        bearer -> HttpRequest.newBuilder(uri).header("Content-Type", Ags.SCORE).header("Authorization", bearer)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                if (a.status() / 100 == 2) {
                    claims.sent(row.id());
                    sent++;
                } else {
                    boolean down = LtiServiceException.transientStatus(a.status());
                    String sentence = r.get().name() + (down ? " could not take the score now (HTTP " : " refused the score (HTTP ")
                            + a.status() + ")" + (a.body().isBlank() ? "." : ": " + PlatformHttp.said(a.body()));
                    if (down) {
                        unavailable.put(row.contextId(), sentence);
                        later(row, sentence);
                    } else {
                        claims.failed(row.id(), sentence);
                    }
                }
            } catch (LtiServiceException e) {
                if (e.retryable()) {
                    unavailable.put(row.contextId(), e.getMessage());
                    later(row, e.getMessage());
                } else {
                    claims.failed(row.id(), e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("Posting score {} failed", row.id(), e);
                later(row, "Paperclub could not post it: " + e);
            }
        }
        return sent;
    }

    private void later(ScoreRow row, String error) {
        if (clock.instant().isAfter(row.createdAt().plus(GIVE_UP))) {
            claims.failed(row.id(), "Gave up after " + GIVE_UP.toDays() + " days of trying. Last answer: " + error);
        } else {
            claims.retryLater(row, error);
        }
    }

    /** The score as AGS 2.0 (3.4) spells it; the timestamp with milliseconds, in UTC. */
    static Map<String, Object> body(ScoreRow row) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("userId", row.ltiUserId());
        if (row.scoreGiven() != null) {
            b.put("scoreGiven", row.scoreGiven());
            b.put("scoreMaximum", row.scoreMaximum());
        }
        b.put("activityProgress", row.activityProgress());
        b.put("gradingProgress", row.gradingProgress());
        b.put("timestamp", TIMESTAMP.format(row.scoreTimestamp()));
        return b;
    }
}
