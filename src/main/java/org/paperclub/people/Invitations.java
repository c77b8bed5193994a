package org.paperclub.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Sha256;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Set-password links for accounts made from a roster. Making an account then costs no password hash (bcrypt is
 * slow on purpose: 5,000 of them took minutes), and nobody but the person holding the link ever knows the password.
 * Only the SHA-256 of a token is stored; a link works once, until it expires, and a newer link replaces it.
 */
@Singleton
class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GONE = "This set-password link does not work: it was used already, has expired or was "
            + "replaced by a newer one. Ask your course staff for a new link.";

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration validity;

    Invitations(InvitationRepository invitations, UserRepository users, PasswordHasher hasher, Clock clock,
                @Value("${paperclub.invitations.valid-days:14}") int validDays) {
        this.invitations = invitations;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
    }

    /** A link handed to staff once: the path to open on this site, and when it stops working. */
    @Serdeable
    record Issued(String link, Instant expiresAt) {
    }

    /** What the set-password page shows before the person chooses a password. */
    @Serdeable
    record InvitationView(String email, String name, Instant expiresAt) {
    }

    /** New links for these accounts, in their order (the caller's transaction writes them, in batches). */
    List<Issued> issue(List<Long> userIds) {
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        List<Issued> issued = new ArrayList<>(userIds.size());
        List<Invitation> rows = new ArrayList<>(userIds.size());
        for (Long userId : userIds) {
            String token = token();
            rows.add(new Invitation(null, userId, hash(token), now, expires, null));
            issued.add(new Issued("/#/invitation/" + token, expires));
        }
        for (int i = 0; i < rows.size(); i += 500) {
            invitations.saveAll(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        return issued;
    }

    /** A new link for an account that has no password yet; its older links stop working. */
    Issued reissue(long userId) {
        invitations.deleteUnusedByUserId(userId);
        return issue(List.of(userId)).get(0);
    }

    InvitationView view(String token) {
        Invitation invitation = invitations.findByTokenHash(hash(token))
                .filter(i -> i.usedAt() == null && i.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> ProblemException.notFound(GONE));
        User user = users.findById(invitation.userId()).orElseThrow(() -> ProblemException.notFound(GONE));
        return new InvitationView(user.email(), user.name(), invitation.expiresAt());
    }

    /** Sets the account's password and spends the link; a second use, even at the same moment, is refused. */
    @Transactional
    String accept(String token, String password) {
        String passwordHash = hasher.hash(password);
        String tokenHash = hash(token);
        if (invitations.spend(tokenHash, clock.instant()) != 1) {
            throw ProblemException.notFound(GONE);
        }
        Invitation invitation = invitations.findByTokenHash(tokenHash).orElseThrow(() -> ProblemException.notFound(GONE));
        User user = users.findById(invitation.userId()).orElseThrow(() -> ProblemException.notFound(GONE));
        users.update(user.withPasswordHash(passwordHash));
        invitations.deleteUnusedByUserId(user.id());
        return user.email();
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }
}
