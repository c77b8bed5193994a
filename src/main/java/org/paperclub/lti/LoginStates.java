package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The state and nonce of each OpenID Connect login, kept in the database: the platform's answer (the launch) may
 * reach another instance than the login did. The state is single use: the launch deletes its row, and only the
 * request whose delete removed it goes on.
 */
@Singleton
class LoginStates {

    /** How long a person has between the LMS's login request and the launch: a few redirects, normally a second. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    record Started(String state, String nonce) {
    }

    private final LoginStateRepository states;
    private final Clock clock;

    LoginStates(LoginStateRepository states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    Started start(Registration registration, String targetLinkUri, @Nullable String browser) {
        Instant now = clock.instant();
        states.deleteExpired(now);
        String state = Tokens.random();
        String nonce = Tokens.random();
        states.save(new LoginState(Tokens.hash(state), nonce, registration.id(), targetLinkUri,
                browser == null ? null : Tokens.hash(browser), now.plus(LIFETIME)));
        return new Started(state, nonce);
    }

    /** The login this state belongs to, used up now; refused when unknown, expired or taken by another request. */
    LoginState take(@Nullable String state) {
        if (!Tokens.plausible(state)) {
            throw LaunchRefused.untrusted(state == null || state.isEmpty() ? "The launch has no state parameter."
                    : "The launch's state parameter is not one Paperclub makes.");
        }
        String hash = Tokens.hash(state);
        LoginState found = states.findById(hash).orElseThrow(() -> LaunchRefused.untrusted(
                "The launch's state is unknown or was used already (a launch is accepted once; a login is valid for "
                        + LIFETIME.toMinutes() + " minutes)."));
        if (states.take(hash) != 1) {
            throw LaunchRefused.untrusted("The launch's state was used by another request at the same moment.");
        }
        if (found.expiresAt().isBefore(clock.instant())) {
            throw LaunchRefused.untrusted("The login started more than " + LIFETIME.toMinutes()
                    + " minutes before this launch; its state has expired.");
        }
        return found;
    }

    /** Records an accepted id_token's nonce until the token expires; false when it was accepted before. */
    boolean firstUse(String issuer, String nonce, Instant tokenExpires) {
        states.deleteExpiredNonces(clock.instant());
        try {
            return states.recordNonce(issuer, nonce, tokenExpires) == 1;
        } catch (io.micronaut.data.exceptions.DataAccessException e) {
            // Two requests with one nonce at once: the primary key let only the other one in.
            return false;
        }
    }
}
