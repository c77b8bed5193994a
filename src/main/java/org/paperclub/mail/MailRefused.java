package org.paperclub.mail;

import io.micronaut.core.annotation.Nullable;

/** The SMTP server refused an address for good (a 5xx answer): whoever keeps the address marks it for staff. */
public record MailRefused(@Nullable Long userId, String address, String reason) {
}
