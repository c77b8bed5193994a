package org.paperclub.people;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The CSRF token of a sign-in session: an HMAC of the session cookie under a key derived from the server secret.
 * A page of another site can neither read it nor compute it, and, unlike a plain random double-submit cookie,
 * a cookie planted by a sibling subdomain cannot forge it.
 */
@Singleton
public class CsrfTokens {

    public static final String COOKIE = "XSRF-TOKEN";
    public static final String HEADER = "X-XSRF-TOKEN";

    private final SecretKeySpec key;

    CsrfTokens(SessionSecret secret) {
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest(("paperclub-csrf:" + secret.value()).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String tokenFor(String sessionCookie) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionCookie.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(String sessionCookie, String presented) {
        return presented != null && MessageDigest.isEqual(
                tokenFor(sessionCookie).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
