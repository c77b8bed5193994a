package org.paperclub.lti;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * HTTP to the platforms: timeouts, a cap on what is read (a roster page or a token answer is small; a platform that
 * streams without end must not fill the heap), and the token dance of the LTI services: a call is made with a service
 * token, and a 401 drops that token and tries once more with a new one.
 */
@Singleton
class PlatformHttp {

    /** Far more than any page of members or token answer; a longer answer is refused, not read. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    record Answer(int status, String body, HttpHeaders headers) {
    }

    private final LazyHttpClient client = new LazyHttpClient(Duration.ofSeconds(10));
    private final Duration timeout;

    PlatformHttp(@Value("${paperclub.lti.service-timeout:30s}") Duration timeout) {
        this.timeout = timeout;
    }

    /** How long one request to a platform may take. */
    Duration timeout() {
        return timeout;
    }

    URI uri(String url, String what) {
        try {
            URI u = new URI(url);
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
                throw new URISyntaxException(url, "not http(s)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new LtiServiceException(what + " is not a web address: " + clip(url, 200), 0, false);
        }
    }

    /** Sends; an answer of any status, or an exception with a sentence when there was none. */
    Answer send(HttpRequest request, String platform) {
        try {
            // Bounded as a whole, body included: a platform that sends its headers and then trickles would otherwise
            // hold the roster sync or grade sending (and its thread) for as long as it liked.
            BoundedFetch.Answer r = BoundedFetch.send(client.get(), request, MAX_BODY, timeout);
            if (r.tooLarge()) {
                throw new LtiServiceException(platform + " sent an answer larger than " + (MAX_BODY / 1024 / 1024)
                        + " MB to " + request.method() + " " + request.uri().getPath() + "; Paperclub stopped reading it.", r.status(), false);
            }
            return new Answer(r.status(), new String(r.body(), StandardCharsets.UTF_8), r.headers());
        } catch (IOException e) {
            throw new LtiServiceException(platform + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + clip(e.getMessage(), 200)) + ").", 0, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LtiServiceException("Paperclub stopped waiting for " + platform + ".", 0, true);
        }
    }

    /**
     * Calls a service with a token for {@code scopes}: {@code build} makes the request with the token as its bearer.
     * A 401 means the platform no longer takes the token (revoked, expired early): it is dropped and the call is made
     * once more with a new one.
     */
    Answer call(ServiceTokens tokens, Registration r, List<String> scopes, Function<String, HttpRequest> build) {
        String token = tokens.token(r, scopes);
        Answer a = send(build.apply("Bearer " + token), r.name());
        if (a.status() == 401) {
            tokens.drop(r, scopes, token);
            a = send(build.apply("Bearer " + tokens.token(r, scopes)), r.name());
        }
        return a;
    }

    /**
     * What a platform said in an error answer, for a sentence staff read: the message of a JSON error body (OAuth's
     * error_description, or a message, detail or error field), else the text itself; clipped, ending with a full stop.
     */
    static String said(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                Map<String, Object> json = com.nimbusds.jose.util.JSONObjectUtils.parse(text);
                for (String key : List.of("error_description", "message", "detail", "error", "title")) {
                    if (json.get(key) instanceof String v && !v.isBlank()) {
                        text = v.strip();
                        break;
                    }
                    if (json.get(key) instanceof Map<?, ?> m && m.get("message") instanceof String v && !v.isBlank()) {
                        text = v.strip();
                        break;
                    }
                }
            } catch (java.text.ParseException | RuntimeException ignored) {
                // not JSON after all: the text as it came
            }
        }
        return sentence(clip(text, 300));
    }

    /** The text with a full stop at its end unless it has one (or another end mark). */
    static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") || t.endsWith("…") ? t : t + ".";
    }

    static String clip(String s, int max) {
        String t = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }
}
