package org.paperclub.people;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** bcrypt (cost 10, about 60 ms a hash here): slow on purpose, so a stolen database resists guessing. */
@Singleton
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    // Checked when the email is unknown, so that a wrong email takes as long as a wrong password. Made on first
    // use, not at start-up: a bcrypt hash costs about 60 ms.
    private volatile String decoy;

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? decoy() : hash);
    }

    private String decoy() {
        String d = decoy;
        if (d == null) {
            d = encoder.encode("decoy-password-never-used");
            decoy = d;
        }
        return d;
    }
}
