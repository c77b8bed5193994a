package org.paperclub.people;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.mail.Outbox;

/**
 * "Forgot your password?": a single-use link, valid for an hour, e-mailed to the address if an account uses it. The
 * answer is the same whether it does or not (and whether the throttle let a mail go), so that the form tells nobody
 * which addresses have accounts.
 */
@Singleton
class PasswordResets {

    static final String SENT = "If an account uses this address, an e-mail with a link to choose a new password is on its "
            + "way to it. The link works once, for an hour. Nothing after a few minutes? Check your spam folder.";
    static final String MAIL_OFF = "E-mail is off on this site, so no link can be sent. Ask your course staff: they can "
            + "give you a link to choose a new password from the course's roster.";

    /** The answer to every request for a link, whatever the address. */
    @Serdeable
    record Answer(String message, boolean mailEnabled) {
    }

    private final PeopleService people;
    private final Invitations invitations;
    private final ResetThrottle throttle;
    private final Outbox outbox;
    private final AccountMail mail;

    PasswordResets(PeopleService people, Invitations invitations, ResetThrottle throttle, Outbox outbox, AccountMail mail) {
        this.people = people;
        this.invitations = invitations;
        this.throttle = throttle;
        this.outbox = outbox;
        this.mail = mail;
    }

    @Transactional
    Answer request(String email, String client) {
        if (!outbox.enabled()) {
            return new Answer(MAIL_OFF, false);
        }
        // Counted for unknown addresses as for known ones: the per-client limit then bounds probing.
        ResetThrottle.Verdict verdict = throttle.ask(email, client);
        if (verdict == ResetThrottle.Verdict.SEND) {
            people.userByEmail(email).ifPresent(user ->
                    outbox.enqueue(mail.reset(user, invitations.issueReset(user.id()), invitations.resetValidity())));
        }
        return new Answer(SENT, true);
    }
}
