package org.paperclub.mail;

import io.micronaut.core.annotation.Nullable;

/**
 * One message to one person: a plain text and an HTML part of the same content (the HTML already escaped by its
 * author), and for notices a one-click unsubscribe address (RFC 8058). {@code kind} names what it is for the logs and
 * the tests ("INVITATION", "GRADE_PUBLISHED", "DIGEST"). Account mail (an invitation, a password reset) has no
 * unsubscribe address, and that is how the sender tells it from a notice: it goes even to an address once refused.
 */
public record Mail(@Nullable Long userId, String to, String kind, String subject, String text, String html,
                   @Nullable String unsubscribeUrl) {
}
