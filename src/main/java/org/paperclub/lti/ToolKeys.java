package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The tool's RSA keys, kept in the database so that every instance signs with the same key and publishes the same
 * set. The first use makes one. Keys are never deleted on the fly: a rotation adds a key (published at once, signing
 * only from its {@code activeFrom}), and retiring takes an old one out of the published set.
 */
@Singleton
public class ToolKeys {

    private final ToolKeyRepository keys;
    private final Clock clock;

    ToolKeys(ToolKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The key that signs now (with its private part): the newest not retired whose {@code activeFrom} has come. */
    public RSAKey signingKey() {
        Instant now = clock.instant();
        List<ToolKey> live = live();
        ToolKey k = live.stream().filter(x -> !x.activeFrom().isAfter(now)).findFirst().orElse(live.get(live.size() - 1));
        return withPrivate(k);
    }

    /** The published set (public parts only): every key not retired. */
    public JWKSet publicKeys() {
        return new JWKSet(live().stream().map(ToolKeys::publicOf).map(k -> (com.nimbusds.jose.jwk.JWK) k).toList());
    }

    /** Adds a key that starts signing after {@code publishedFor}; returns its kid. */
    public String add(Duration publishedFor) {
        return create(clock.instant().plus(publishedFor)).kid();
    }

    /** One published key as the admin page lists it: when it was made, when it signs from, whether it signs now. */
    @Serdeable
    public record KeyView(String kid, Instant createdAt, Instant activeFrom, boolean signing, String state) {
    }

    /** The published keys, newest first, with the one that signs now marked. */
    public List<KeyView> views() {
        Instant now = clock.instant();
        String signer = signingKey().getKeyID();
        return live().stream().map(k -> new KeyView(k.kid(), k.createdAt(), k.activeFrom(), k.kid().equals(signer),
                k.kid().equals(signer) ? "signs now" : k.activeFrom().isAfter(now) ? "published; signs from " + k.activeFrom()
                        : "published; no longer signs (a newer key does)")).toList();
    }

    /**
     * Retires a key for an administrator, refusing to retire the only key that can sign now: platforms would then meet
     * signatures by a key they may not have fetched yet.
     */
    @Transactional
    public void retireChecked(String kid) {
        List<ToolKey> live = keys.lockLive();
        ToolKey key = live.stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow(() -> ProblemException.notFound(
                "There is no published tool key " + kid + "."));
        Instant now = clock.instant();
        boolean anotherSigns = live.stream().anyMatch(k -> !k.kid().equals(kid) && !k.activeFrom().isAfter(now));
        if (!key.activeFrom().isAfter(now) && !anotherSigns) {
            throw ProblemException.conflict("Key " + kid + " is the only key that signs now, so it cannot be retired. "
                    + "Add a key, wait until it signs (platforms fetch it meanwhile), then retire this one.");
        }
        retire(kid);
    }

    /** Takes a key out of the published set: what it signed no longer verifies. */
    public boolean retire(String kid) {
        return keys.findById(kid).filter(k -> k.retiredAt() == null).map(k -> {
            keys.update(new ToolKey(k.kid(), k.privateKey(), k.publicJwk(), k.createdAt(), k.activeFrom(), clock.instant()));
            return true;
        }).orElse(false);
    }

    /** The keys not retired, newest first by the time they start signing. */
    public List<ToolKey> live() {
        List<ToolKey> live = keys.findByRetiredAtIsNullOrderByActiveFromDesc();
        if (live.isEmpty()) {
            create(clock.instant());
            live = keys.findByRetiredAtIsNullOrderByActiveFromDesc();
        }
        return live;
    }

    private ToolKey create(Instant activeFrom) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            String privateKey = Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
            return keys.save(new ToolKey(key.getKeyID(), privateKey, key.toPublicJWK().toJSONString(), clock.instant(), activeFrom, null));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make an RSA key", e);
        }
    }

    private static RSAKey publicOf(ToolKey k) {
        try {
            return RSAKey.parse(k.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Stored tool key " + k.kid() + " is not a JWK", e);
        }
    }

    private static RSAKey withPrivate(ToolKey k) {
        try {
            RSAPrivateKey priv = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(k.privateKey())));
            return new RSAKey.Builder(publicOf(k)).privateKey(priv).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Stored tool key " + k.kid() + " cannot be read", e);
        }
    }
}
