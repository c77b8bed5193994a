package org.paperclub.mail;

/**
 * The SMTP server took a message for an address marked refused (an invitation or a password reset, which go despite
 * the mark): the address works again, and the mark no longer stands.
 */
public record MailAccepted(long userId, String address) {
}
