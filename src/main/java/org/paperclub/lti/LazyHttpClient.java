package org.paperclub.lti;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * A JDK HTTP client (no redirects followed) made at its first request, not with the bean that holds it: making one
 * sets up TLS (reading the JDK's trust store, some 200 classes) and starts a selector thread, which a site that never
 * talks to an LMS does not need. The grade sender's schedule alone made one on every server a minute after its start.
 */
final class LazyHttpClient {

    private final Duration connectTimeout;
    private volatile HttpClient client;

    LazyHttpClient(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    HttpClient get() {
        HttpClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
                    client = made;
                }
            }
        }
        return made;
    }
}
