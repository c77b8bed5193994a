package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * bcrypt (cost 10, about 60 ms a hash here): slow on purpose, so a stolen database resists guessing. The tests
 * lower the cost to make their hundreds of accounts quickly; production keeps the default.
 */
@Singleton
public class PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    // Checked when the email is unknown, so that a wrong email takes as long as a wrong password. Made on first
    // use, not at start-up: a bcrypt hash costs about 60 ms.
    private volatile String decoy;

    PasswordHasher(@Value("${paperclub.password.bcrypt-cost:10}") int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
    }

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
