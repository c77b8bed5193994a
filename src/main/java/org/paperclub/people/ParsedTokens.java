package org.paperclub.people;

import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JsonWebTokenEncryption;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micronaut's JWT parser (it replaces Nimbus's, and parses as that one does), keeping the tokens it parsed lately: a
 * signed-in page sends the same session token with every request, and parsing it again (base64, two JSON documents,
 * the claims) was a tenth of the server's CPU for a one-session read.
 * <p>
 * Keeping a parse skips no check. The signature, the expiry and the session's row ({@link SessionClaimsValidator})
 * are still checked on every request, on the kept token; a signed-out or expired session is refused as before. The
 * key is the whole token, signature included, so only a token sent exactly before is found. At most {@link #KEPT} are
 * kept, each at most {@link #LONGEST} characters (a session token has about 300; a header may carry 8 KB): when full,
 * the lot is dropped and refilled by the next requests, so a flood of made-up tokens costs a refill, never more than
 * a few MB of heap.
 */
@Singleton
@Replaces(bean = JsonWebTokenParser.class)
class ParsedTokens implements JsonWebTokenParser<JWT> {

    static final int KEPT = 2_000;
    static final int LONGEST = 1_024;

    private final Map<String, JWT> kept = new ConcurrentHashMap<>();
    private final JsonWebTokenEncryption<EncryptedJWT, SignedJWT> encryption;

    ParsedTokens(JsonWebTokenEncryption<EncryptedJWT, SignedJWT> encryption) {
        this.encryption = encryption;
    }

    @Override
    public Optional<JWT> parse(String token) {
        JWT jwt = kept.get(token);
        if (jwt != null) {
            return Optional.of(jwt);
        }
        Optional<JWT> parsed = parseAgain(token);
        if (token.length() > LONGEST) {
            return parsed;
        }
        parsed.ifPresent(p -> {
            if (kept.size() >= KEPT) {
                kept.clear();
            }
            kept.put(token, p);
        });
        return parsed;
    }

    private Optional<JWT> parseAgain(String token) {
        int first = token.indexOf('.');
        if (first < 0 || token.indexOf('.', first + 1) < 0) {
            return Optional.empty();
        }
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof EncryptedJWT encrypted) {
                return encryption.decrypt(encrypted).map(JWT.class::cast);
            }
            return Optional.of(jwt);
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Claims> parseClaims(String token) {
        try {
            Optional<JWT> jwt = parse(token);
            return jwt.isEmpty() ? Optional.empty() : Optional.of(new JwtClaimsSetAdapter(jwt.get().getJWTClaimsSet()));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** How many parsed tokens are kept now. */
    int size() {
        return kept.size();
    }
}
