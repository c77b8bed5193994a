package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Accounts of people who sign in through another system: an LMS launching Paperclub (LTI) or the campus OpenID
 * provider. The identity (issuer, subject) maps to one account for good. A first sign-in links the account with the
 * same e-mail address only when the caller vouches that the address is verified (an OpenID provider's
 * {@code email_verified}, a registered platform's roster); otherwise a new account is made, with no password.
 */
@Singleton
public class Identities {

    /** Where an identity without an e-mail address gets one: the {@code .invalid} top-level domain never delivers. */
    static final String NO_MAIL_DOMAIN = "no-email.invalid";

    private final ExternalIdentityRepository identities;
    private final UserRepository users;
    private final Clock clock;

    Identities(ExternalIdentityRepository identities, UserRepository users, Clock clock) {
        this.identities = identities;
        this.users = users;
        this.clock = clock;
    }

    /** Who someone is by this issuer, if they have come that way before. */
    public Optional<User> find(String issuer, String subject) {
        return identities.findUserId(issuer, subject).flatMap(users::findById);
    }

    /** The issuers through which the account has signed in (for "signed in with the campus account" on pages). */
    public List<String> issuersOf(long userId) {
        return identities.findIssuersByUserId(userId);
    }

    /**
     * The account of this identity: the one it is linked to; else the account of {@code email} when
     * {@code emailVerified}, now linked; else a new account (named {@code name}, no password). The name is given
     * by the other system only for a new account: a person may have corrected theirs here.
     */
    @Transactional
    public User resolve(String issuer, String subject, @Nullable String email, boolean emailVerified, @Nullable String name) {
        Instant now = clock.instant();
        Optional<User> known = identities.findUserId(issuer, subject).flatMap(users::findById);
        if (known.isPresent()) {
            identities.seen(issuer, subject, now);
            return known.get();
        }
        String address = email == null || email.isBlank() ? null : PeopleService.normalizeEmail(email);
        User user = null;
        if (address != null) {
            Optional<User> byEmail = users.findByEmail(address);
            if (byEmail.isPresent() && !emailVerified) {
                // Someone else may hold this address here: never hand them that account on an unverified claim.
                address = null;
            } else {
                user = byEmail.orElse(null);
            }
        }
        if (user == null) {
            String mail = address != null ? address : placeholderAddress(issuer, subject);
            String display = name == null || name.isBlank() ? (address != null ? address : "Unnamed person") : name.strip();
            user = users.findByEmail(mail).orElseGet(() -> users.save(new User(null, mail, display, null, false, now)));
        }
        identities.insertIfAbsent(issuer, subject, user.id(), now);
        // Whoever linked first wins; read back, so that two first launches at once end in the same account.
        long linked = identities.findUserId(issuer, subject).orElseThrow();
        return linked == user.id() ? user : users.findById(linked).orElseThrow();
    }

    /**
     * Each account's subject at this issuer (the id the other system knows them by, e.g. an LTI {@code user_id} for
     * posting their grade), for those of {@code userIds} who have one there; when one has several (an issuer shared by
     * several institutions, as Canvas Cloud's is), the one seen last.
     */
    public java.util.Map<Long, String> subjectsAt(String issuer, java.util.Collection<Long> userIds) {
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        if (!userIds.isEmpty()) {
            identities.findAtIssuer(issuer, userIds).forEach(i -> out.putIfAbsent(i.userId(), i.key().subject()));
        }
        return out;
    }

    /**
     * Takes the name a registered system's directory (an LMS roster) gives for an account it vouches for; whether it
     * changed. Only for an identity of that system: the directory is where a person's name is kept up to date.
     */
    @Transactional
    public boolean nameFromDirectory(String issuer, String subject, String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return identities.findUserId(issuer, subject).map(id -> users.rename(id, name.strip()) > 0).orElse(false);
    }

    /** A stable address that never receives mail, for an identity whose system did not share an e-mail address. */
    static String placeholderAddress(String issuer, String subject) {
        String hash = org.paperclub.system.Sha256.hex(issuer + "\n" + subject).substring(0, 24);
        return ("u-" + hash + "@" + NO_MAIL_DOMAIN).toLowerCase(Locale.ROOT);
    }

    /** Whether the address is a placeholder (no mail can reach it). */
    public static boolean isPlaceholder(String email) {
        return email.endsWith("@" + NO_MAIL_DOMAIN);
    }
}
