package org.paperclub.lti;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many LMS logins each client address started lately. Anyone may start one, and each keeps a state row for 10
 * minutes, so one client could otherwise fill the table. The limit (600 in 10 minutes by default) is far above a
 * class behind one campus address launching at once; it is counted per instance, which is enough to stop one client.
 */
@Singleton
class LoginFlood {

    private final int limit;
    private final Cache<String, AtomicInteger> started;

    LoginFlood(@Value("${paperclub.lti.login-limit:600}") int limit, @Value("${paperclub.lti.login-window:10m}") Duration window) {
        this.limit = limit;
        // Written once per client and window, so an entry expires a window after its first login: a fixed window.
        this.started = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** Counts a login of the client; false when it is over the limit (then nothing is to be kept for it). */
    boolean allow(String client) {
        return started.get(client, k -> new AtomicInteger()).incrementAndGet() <= limit;
    }
}
