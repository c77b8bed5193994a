package org.paperclub.lti;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The platforms' public keys (their JWKS), fetched from each registration's {@code jwksUrl} and kept for a while, so
 * that a launch costs the platform no request. A kid not in the kept set is a rotation the platform has made since:
 * the set is fetched again at once, but at most once per {@code refetchEvery} per registration, so that a flood of
 * made-up kids cannot turn Paperclub into a hammer on the platform.
 */
@Singleton
class PlatformKeys {

    /** A JWKS larger than this is not a key set: refused rather than read into memory. */
    private static final int MAX_BYTES = 512 * 1024;

    private record Kept(JWKSet keys, Instant fetchedAt) {
    }

    private final Cache<String, Kept> kept = Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<String, Instant> lastRefetch = Caffeine.newBuilder().maximumSize(1_000).build();
    private final LazyHttpClient http = new LazyHttpClient(Duration.ofSeconds(5));
    private final Clock clock;
    private final Duration keepFor;
    private final Duration refetchEvery;
    private final Duration fetchTimeout;

    PlatformKeys(Clock clock,
                 @Value("${paperclub.lti.jwks-keep-for:10m}") Duration keepFor,
                 @Value("${paperclub.lti.jwks-refetch-every:30s}") Duration refetchEvery,
                 @Value("${paperclub.lti.fetch-timeout:10s}") Duration fetchTimeout) {
        this.clock = clock;
        this.keepFor = keepFor;
        this.refetchEvery = refetchEvery;
        this.fetchTimeout = fetchTimeout;
    }

    /** The platform's RSA key with this kid; refused when the platform does not publish it, even after a fresh fetch. */
    RSAKey key(Registration registration, String kid) {
        String cacheKey = registration.id() + "\n" + registration.jwksUrl();
        Instant now = clock.instant();
        Kept k = kept.getIfPresent(cacheKey);
        if (k == null || k.fetchedAt().plus(keepFor).isBefore(now) || k.fetchedAt().isAfter(now)) {
            k = fetch(registration, cacheKey, now);
        }
        Optional<RSAKey> found = find(k.keys(), kid);
        if (found.isEmpty() && mayRefetch(cacheKey, now)) {
            found = find(fetch(registration, cacheKey, now).keys(), kid);
        }
        return found.orElseThrow(() -> LaunchRefused.untrusted("The id_token is signed with key id \"" + kid
                + "\", which the platform's JWKS (" + registration.jwksUrl() + ") does not publish."));
    }

    private boolean mayRefetch(String cacheKey, Instant now) {
        boolean[] allowed = {false};
        lastRefetch.asMap().compute(cacheKey, (key, last) -> {
            if (last == null || !last.plus(refetchEvery).isAfter(now) || last.isAfter(now)) {
                allowed[0] = true;
                return now;
            }
            return last;
        });
        return allowed[0];
    }

    private Kept fetch(Registration registration, String cacheKey, Instant now) {
        try {
            BoundedFetch.Answer response = BoundedFetch.send(http.get(), HttpRequest.newBuilder(URI.create(registration.jwksUrl()))
                    .header("Accept", "application/json").GET().build(), MAX_BYTES, fetchTimeout);
            if (response.status() != 200) {
                throw LaunchRefused.untrusted("The platform's JWKS (" + registration.jwksUrl() + ") answered HTTP "
                        + response.status() + ".");
            }
            if (response.tooLarge()) {
                throw LaunchRefused.untrusted("The platform's JWKS (" + registration.jwksUrl() + ") is larger than "
                        + MAX_BYTES / 1024 + " KB.");
            }
            Kept fresh = new Kept(JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8)), now);
            kept.put(cacheKey, fresh);
            return fresh;
        } catch (IOException | IllegalArgumentException e) {
            throw LaunchRefused.untrusted("The platform's JWKS (" + registration.jwksUrl() + ") could not be fetched: " + e.getMessage());
        } catch (ParseException e) {
            throw LaunchRefused.untrusted("The platform's JWKS (" + registration.jwksUrl() + ") is not a JWK set: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LaunchRefused.untrusted("Fetching the platform's JWKS was interrupted.");
        }
    }

    private static Optional<RSAKey> find(JWKSet set, String kid) {
        JWK key = set.getKeyByKeyId(kid);
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }
}
