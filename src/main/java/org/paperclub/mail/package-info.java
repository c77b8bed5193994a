/**
 * E-mail over SMTP through an outbox: {@link org.paperclub.mail.Outbox#enqueue} writes a message in the caller's
 * transaction (so it exists exactly when what it tells about does), and {@link org.paperclub.mail.MailSender} sends
 * it in the background with retries and back-off. {@link org.paperclub.mail.MailSettings} says whether e-mail is on
 * (an SMTP host is configured) and the site's public address for links.
 * <p>
 * Owns {@code mail_outbox}. Depends on no feature package: an address the SMTP server refuses is announced as a
 * {@link org.paperclub.mail.MailRefused} event (and one it takes again as a {@link org.paperclub.mail.MailAccepted}),
 * which {@code people} listens to; the sender asks {@link org.paperclub.mail.RefusedAddresses}, which {@code people}
 * implements, whom not to send notices to.
 */
package org.paperclub.mail;
