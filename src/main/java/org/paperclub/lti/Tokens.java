package org.paperclub.lti;

import org.paperclub.system.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/** Random values for states, nonces and tickets: 256 bits, URL-safe; only their SHA-256 is stored where they unlock. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether a value from a form or address can be a token made here (bounded, URL-safe): anything else is refused unread. */
    static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
    }
}
