package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens for a platform's services (1EdTech Security Framework 1.0, 4.1: the OAuth 2 client-credentials grant
 * with a JWT client assertion, RFC 7523). The assertion is signed by the tool's current key, its {@code kid} in the
 * header, so the platform verifies it against the tool's JWKS. A token is kept per (registration, scopes) until
 * shortly before it expires; a service that answers 401 makes the caller {@link #drop} it and ask once more.
 */
@Singleton
class ServiceTokens {

    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Taken off a token's lifetime, so that it is not sent in its last seconds (clocks differ, requests take time). */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    /**
     * A token is for one version of the registration's settings: after an administrator changes them (another token
     * URL, another client id) the next call asks afresh, on every instance, without anyone having to tell the caches.
     */
    private record Key(long registrationId, Instant settingsOf, String scopes) {
    }

    private record Token(String value, Instant renewAt) {
    }

    private final ToolKeys keys;
    private final PlatformHttp http;
    private final Clock clock;
    private final Map<Key, Token> cache = new ConcurrentHashMap<>();

    ServiceTokens(ToolKeys keys, PlatformHttp http, Clock clock) {
        this.keys = keys;
        this.http = http;
        this.clock = clock;
    }

    /** A token for these scopes at this platform: the cached one while it lasts, else a new one. */
    String token(Registration r, List<String> scopes) {
        Key key = new Key(r.id(), r.updatedAt(), scopeString(scopes));
        Token t = cache.get(key);
        if (t != null && clock.instant().isBefore(t.renewAt())) {
            return t.value();
        }
        Token fresh = request(r, key.scopes());
        cache.put(key, fresh);
        return fresh.value();
    }

    /** Forgets a token the platform no longer takes (a 401), so that the next call asks for a new one. */
    void drop(Registration r, List<String> scopes, String value) {
        cache.computeIfPresent(new Key(r.id(), r.updatedAt(), scopeString(scopes)), (k, t) -> t.value().equals(value) ? null : t);
    }

    private static String scopeString(List<String> scopes) {
        return String.join(" ", new TreeSet<>(scopes));
    }

    private Token request(Registration r, String scopes) {
        String form = Map.of("grant_type", "client_credentials", "client_assertion_type", ASSERTION_TYPE,
                        "client_assertion", assertion(r), "scope", scopes).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(http.uri(r.accessTokenUrl(), r.name() + "'s token URL"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        PlatformHttp.Answer a = http.send(req, r.name());
        if (a.status() != 200) {
            throw refused(r, a);
        }
        try {
            Map<String, Object> json = JSONObjectUtils.parse(a.body());
            Object token = json.get("access_token");
            if (!(token instanceof String value) || value.isBlank()) {
                throw new LtiServiceException(r.name() + " answered the request for a service token without an access token.", 200, false);
            }
            long lifetime = json.get("expires_in") instanceof Number n ? n.longValue() : 3600;
            Duration keep = Duration.ofSeconds(Math.max(lifetime, 0));
            // A short-lived token is kept for half its life rather than not at all.
            keep = keep.compareTo(MARGIN.multipliedBy(2)) > 0 ? keep.minus(MARGIN) : keep.dividedBy(2);
            return new Token(value, clock.instant().plus(keep));
        } catch (java.text.ParseException e) {
            throw new LtiServiceException(r.name() + " answered the request for a service token with something that is not JSON.", 200, false);
        }
    }

    private static LtiServiceException refused(Registration r, PlatformHttp.Answer a) {
        String error = null;
        String description = null;
        try {
            Map<String, Object> json = JSONObjectUtils.parse(a.body());
            error = json.get("error") instanceof String s ? s : null;
            description = json.get("error_description") instanceof String s ? s : null;
        } catch (java.text.ParseException | RuntimeException ignored) {
            // not OAuth's JSON error: the status says enough
        }
        String said = error == null ? "HTTP " + a.status() : error + (description == null ? "" : " (" + PlatformHttp.clip(description, 300) + ")");
        String hint = "invalid_client".equals(error) || "unauthorized_client".equals(error)
                ? " Check the client id registered for it and that it has Paperclub's public key set (/lti/jwks)."
                : "invalid_scope".equals(error) ? " The LMS has not granted Paperclub this service; an administrator of the LMS can turn it on." : "";
        return new LtiServiceException(r.name() + " refused Paperclub a service token: " + said + "." + hint, a.status(),
                LtiServiceException.transientStatus(a.status()));
    }

    private String assertion(Registration r) {
        RSAKey key = keys.signingKey();
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(r.clientId()).subject(r.clientId()).audience(r.accessTokenUrl())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString()).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a client assertion", e);
        }
    }
}
