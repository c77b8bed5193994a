package org.paperclub.lti;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request to a platform, bounded as a whole: its answer within {@code deadline}, body included, and at most
 * {@code maxBytes} of body read. {@link HttpRequest#timeout} alone ends with the response headers: a server that sends
 * them and then a byte now and then would hold a blocking thread (and the launch or registration page waiting on it)
 * for as long as it likes.
 */
final class BoundedFetch {

    /** Closes bodies whose deadline passed; closing the stream ends a read blocked on it. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lti-fetch-deadlines");
        t.setDaemon(true);
        return t;
    });

    /** The status, the body (null when it is larger than allowed) and the headers. */
    record Answer(int status, byte[] body, HttpHeaders headers) {

        boolean tooLarge() {
            return body == null;
        }
    }

    private BoundedFetch() {
    }

    /** @throws HttpTimeoutException when the whole answer did not arrive within the deadline */
    static Answer send(HttpClient http, HttpRequest request, int maxBytes, Duration deadline) throws IOException, InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(deadline).build();
        HttpResponse<InputStream> response = http.send(bounded, HttpResponse.BodyHandlers.ofInputStream());
        AtomicBoolean late = new AtomicBoolean();
        InputStream body = response.body();
        ScheduledFuture<?> guard = DEADLINES.schedule(() -> {
            late.set(true);
            closeQuietly(body);
        }, Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            if (late.get()) {
                throw new HttpTimeoutException("no complete answer within " + deadline.toSeconds() + " s");
            }
            throw e;
        } finally {
            guard.cancel(false);
            closeQuietly(body);
        }
        if (late.get()) {
            throw new HttpTimeoutException("no complete answer within " + deadline.toSeconds() + " s");
        }
        return new Answer(response.statusCode(), bytes.length > maxBytes ? null : bytes, response.headers());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing is all that is wanted; a stream that fails to close is closed enough.
        }
    }
}
