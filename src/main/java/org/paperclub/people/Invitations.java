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
import java.util.Optional;

/**
 * Set-password links: the invitation of an account made from a roster, and the reset of a forgotten password. Making
 * an account then costs no password hash (bcrypt is slow on purpose: 5,000 of them took minutes), and nobody but the
 * person holding the link ever knows the password. Only the SHA-256 of a token is stored; a link works once, until it
 * expires, and a newer link of the same purpose replaces the older ones.
 */
@Singleton
class Invitations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String GONE = "This set-password link does not work: it was used already, has expired or was "
            + "replaced by a newer one. Ask your course staff for a new link.";
    private static final String RESET_GONE = "This password link does not work: it was used already, has expired (it works "
            + "for an hour) or was replaced by a newer one. Ask for a new one with \"Forgot your password?\" on the sign-in page.";

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SignInSessions sessions;
    private final Clock clock;
    private final Duration validity;
    private final Duration resetValidity;

    Invitations(InvitationRepository invitations, UserRepository users, PasswordHasher hasher, SignInSessions sessions, Clock clock,
                @Value("${paperclub.invitations.valid-days:7}") int validDays,
                @Value("${paperclub.password-reset.valid-minutes:60}") int resetValidMinutes) {
        this.invitations = invitations;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.clock = clock;
        this.validity = Duration.ofDays(validDays);
        this.resetValidity = Duration.ofMinutes(resetValidMinutes);
    }

    /**
     * A link just made: the path to open on this site, the token in it (for the e-mail that carries it), and when it
     * stops working.
     */
    record Issued(String token, String link, Instant expiresAt) {
    }

    /** What the set-password page shows before the person chooses a password. */
    @Serdeable
    record InvitationView(String email, String name, Instant expiresAt) {
    }

    /** An account's invitation as staff see it: the newest unused link, when it was made and until when it works. */
    record Pending(Instant sentAt, Instant expiresAt) {
    }

    Duration validity() {
        return validity;
    }

    Duration resetValidity() {
        return resetValidity;
    }

    /** New invitation links for these accounts, in their order (the caller's transaction writes them, in batches). */
    List<Issued> issue(List<Long> userIds) {
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        List<Issued> issued = new ArrayList<>(userIds.size());
        List<Invitation> rows = new ArrayList<>(userIds.size());
        for (Long userId : userIds) {
            String token = token();
            rows.add(new Invitation(null, userId, hash(token), now, expires, null, Invitation.INVITATION));
            issued.add(new Issued(token, "/#/invitation/" + token, expires));
        }
        for (int i = 0; i < rows.size(); i += 500) {
            invitations.saveAll(rows.subList(i, Math.min(rows.size(), i + 500)));
        }
        return issued;
    }

    /** A new invitation link for the account; its older ones stop working. */
    Issued reissue(long userId) {
        invitations.deleteUnused(userId, Invitation.INVITATION);
        return issue(List.of(userId)).get(0);
    }

    /** A new password-reset link for the account; its older reset links stop working. */
    Issued issueReset(long userId) {
        invitations.deleteUnused(userId, Invitation.RESET);
        Instant now = clock.instant();
        String token = token();
        invitations.save(new Invitation(null, userId, hash(token), now, now.plus(resetValidity), null, Invitation.RESET));
        return new Issued(token, "/#/reset/" + token, now.plus(resetValidity));
    }

    Optional<Pending> pending(long userId) {
        return invitations.findLatestUnused(userId, Invitation.INVITATION).map(i -> new Pending(i.createdAt(), i.expiresAt()));
    }

    InvitationView view(String token, String purpose) {
        String gone = gone(purpose);
        Invitation invitation = invitations.findByTokenHash(hash(token))
                .filter(i -> i.purpose().equals(purpose) && i.usedAt() == null && i.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> ProblemException.notFound(gone));
        User user = users.findById(invitation.userId()).orElseThrow(() -> ProblemException.notFound(gone));
        return new InvitationView(user.email(), user.name(), invitation.expiresAt());
    }

    /**
     * Sets the account's password and spends the link; a second use, even at the same moment, is refused. Every
     * session of the account ends: whoever had signed in with the old password is out.
     */
    @Transactional
    String accept(String token, String purpose, String password) {
        String gone = gone(purpose);
        String passwordHash = hasher.hash(password);
        String tokenHash = hash(token);
        if (invitations.spend(tokenHash, purpose, clock.instant()) != 1) {
            throw ProblemException.notFound(gone);
        }
        Invitation invitation = invitations.findByTokenHash(tokenHash).orElseThrow(() -> ProblemException.notFound(gone));
        User user = users.findById(invitation.userId()).orElseThrow(() -> ProblemException.notFound(gone));
        users.update(user.withPasswordHash(passwordHash));
        invitations.deleteUnusedByUserId(user.id());
        sessions.endAll(user.id(), null);
        return user.email();
    }

    private static String gone(String purpose) {
        return Invitation.RESET.equals(purpose) ? RESET_GONE : GONE;
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
