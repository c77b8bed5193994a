package org.paperclub.people;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The secret that signs session tokens (and keys their CSRF tokens): {@code PAPERCLUB_JWT_SECRET} when set, else
 * one made once and kept in the database, so that a restart keeps everyone signed in and all instances on one
 * database accept each other's cookies even without the variable. Made at start, so a bad setting stops the start.
 */
@Context
@Singleton
class SessionSecret {

    static final int MIN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SessionSecret.class);
    private static final String NAME = "session";

    private final String value;

    SessionSecret(@Value("${paperclub.sessions.secret:}") String configured, SigningSecretRepository stored, Clock clock) {
        this.value = configured.isBlank() ? storedSecret(stored, clock) : checked(configured);
    }

    String value() {
        return value;
    }

    private static String checked(String configured) {
        if (configured.length() < MIN_LENGTH) {
            throw new ConfigurationException("PAPERCLUB_JWT_SECRET (paperclub.sessions.secret) has "
                    + configured.length() + " characters; it must have at least " + MIN_LENGTH
                    + ". Set a long random one, or unset it to use a secret kept in the database.");
        }
        return configured;
    }

    private static String storedSecret(SigningSecretRepository stored, Clock clock) {
        return stored.findById(NAME).map(SigningSecret::secret).orElseGet(() -> {
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            stored.insertIfAbsent(NAME, Base64.getUrlEncoder().withoutPadding().encodeToString(random), clock.instant());
            LOG.info("No PAPERCLUB_JWT_SECRET is set: sessions are signed with a secret made now and kept in the database.");
            // Read back: when two instances start at once, the one stored first is the one both use.
            return stored.findById(NAME).orElseThrow().secret();
        });
    }

    /** The JWT signer under this secret. Typed as the interface: no configuration prefix is needed for it. */
    @Factory
    static class Signing {
        @Singleton
        @Named("generator")
        SignatureGeneratorConfiguration generator(SessionSecret secret) {
            SecretSignatureConfiguration config = new SecretSignatureConfiguration("generator");
            config.setSecret(secret.value());
            return new SecretSignature(config);
        }
    }
}
