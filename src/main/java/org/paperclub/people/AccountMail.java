package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.paperclub.mail.Mail;
import org.paperclub.mail.MailSettings;
import org.paperclub.system.Html;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The e-mails that carry set-password links: an invitation to an account made from a roster, and a password reset.
 * Plain text and HTML parts say the same; whatever a person typed (names, the course's title) is escaped in the HTML.
 * The link is the key to the account, so these mails carry no unsubscribe link: they go only where someone asked.
 */
@Singleton
class AccountMail {

    static final String INVITATION = "INVITATION";
    static final String PASSWORD_RESET = "PASSWORD_RESET";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    /** An invitation's expiry, in its course's zone, named: "Mon 7 Dec 2026, 04:00 (America/New_York)". */
    private static final DateTimeFormatter UNTIL_IN_COURSE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final MailSettings settings;

    AccountMail(MailSettings settings) {
        this.settings = settings;
    }

    Mail invitation(User to, InvitingCourse from, @Nullable String invitedBy, Invitations.Issued link, Duration validity) {
        String course = from.name();
        String url = settings.link("/#/invitation/" + link.token());
        String who = invitedBy == null ? "Your course staff" : invitedBy;
        String subject = "[" + course + "] You are invited to Paperclub: choose your password";
        String lead = who + " added you to " + course + " on Paperclub, where the course's presentations, critiques and "
                + "grades are kept.";
        String how = "To sign in, first choose your password with this link. It works once, for " + days(validity)
                + ": until " + UNTIL_IN_COURSE.format(link.expiresAt().atZone(from.zone())) + " (" + from.zone().getId() + ").";
        String after = "Afterwards, sign in with " + to.email() + " and your password at " + settings.link("/#/login") + ".";
        String expired = "If the link has expired, ask your course staff to send the invitation again.";
        String text = "Hello " + to.name() + ",\n\n" + lead + "\n\n" + how + "\n\n" + url + "\n\n" + after + "\n" + expired
                + "\n\n--\nYou get this e-mail because your address is on the roster of " + course + ".\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>Hello " + Html.escape(to.name()) + ",</p>"
                + "<p>" + Html.escape(lead) + "</p>"
                + "<p>" + Html.escape(how) + "</p>"
                + "<p><a href=\"" + Html.escape(url) + "\">Choose your password</a></p>"
                + "<p>" + Html.escape(after) + " " + Html.escape(expired) + "</p>"
                + "<hr><p style=\"color:#555;font-size:0.9em\">" + Html.escape("You get this e-mail because your address is on the roster of "
                + course + ".") + "</p></body></html>";
        return new Mail(to.id(), to.email(), INVITATION, subject, text, html, null);
    }

    Mail reset(User to, Invitations.Issued link, Duration validity) {
        String url = settings.link("/#/reset/" + link.token());
        String subject = "Paperclub: choose a new password";
        String lead = "Someone (we hope you) asked for a new Paperclub password for " + to.email() + ".";
        String how = "Choose it with this link. It works once, for " + minutes(validity) + " (until "
                + UNTIL.format(link.expiresAt()) + "), and signs you out everywhere else.";
        String ignore = "If you did not ask, ignore this e-mail: your password stays as it is.";
        String text = "Hello " + to.name() + ",\n\n" + lead + "\n\n" + how + "\n\n" + url + "\n\n" + ignore + "\n";
        String html = "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">"
                + "<p>Hello " + Html.escape(to.name()) + ",</p>"
                + "<p>" + Html.escape(lead) + "</p>"
                + "<p>" + Html.escape(how) + "</p>"
                + "<p><a href=\"" + Html.escape(url) + "\">Choose a new password</a></p>"
                + "<p>" + Html.escape(ignore) + "</p></body></html>";
        return new Mail(to.id(), to.email(), PASSWORD_RESET, subject, text, html, null);
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days == 1 ? "1 day" : days + " days";
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m % 60 == 0 ? (m == 60 ? "an hour" : m / 60 + " hours") : m + " minutes";
    }
}
