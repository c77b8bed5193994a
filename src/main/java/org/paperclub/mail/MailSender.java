package org.paperclub.mail;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the outbox: claims a batch of due rows, sends them over one SMTP connection, and records each outcome.
 * An SMTP server that is down or answers 4xx gets the row back later (back-off); an address it refuses for good (5xx)
 * fails that row only and is announced ({@link MailRefused}). A row still unsent after {@link #GIVE_UP} is marked
 * failed, so that a wrong setting does not retry forever.
 * <p>
 * A notice to a person whose address is marked refused ({@link RefusedAddresses}) is not sent but marked failed: the
 * server would refuse it again, and a server that keeps hearing of a dead mailbox from us may stop trusting us. Account
 * mail (an invitation, a password reset: no unsubscribe link) still goes, since someone asked for it just now; when
 * the server takes it, the address works again ({@link MailAccepted}).
 */
@Singleton
public class MailSender {

    static final int BATCH = 20;
    static final Duration GIVE_UP = Duration.ofDays(3);
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    private final MailSettings settings;
    private final OutboxClaims claims;
    private final ApplicationEventPublisher<MailRefused> refusals;
    private final ApplicationEventPublisher<MailAccepted> acceptances;
    private final RefusedAddresses marks;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    MailSender(MailSettings settings, OutboxClaims claims, ApplicationEventPublisher<MailRefused> refusals,
               ApplicationEventPublisher<MailAccepted> acceptances, RefusedAddresses marks, Clock clock) {
        this.settings = settings;
        this.claims = claims;
        this.refusals = refusals;
        this.acceptances = acceptances;
        this.marks = marks;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${paperclub.mail.poll-interval:2s}", initialDelay = "${paperclub.mail.poll-interval:2s}")
    void poll() {
        if (settings.enabled()) {
            sendDue();
        }
    }

    /** Sends what is due now, batch after batch; the number sent. Safe to call from several threads and instances. */
    public int sendDue() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int sent = 0;
            while (true) {
                List<OutboxRow> batch = claims.claim(BATCH);
                if (batch.isEmpty()) {
                    return sent;
                }
                Map<Long, String> refused = new HashMap<>(marks.marked(
                        batch.stream().map(OutboxRow::userId).filter(Objects::nonNull).distinct().toList()));
                List<OutboxRow> rest = batch.stream().filter(row -> !withheld(row, refused)).toList();
                if (rest.isEmpty()) {
                    continue; // nothing here for the server; the next batch may have some
                }
                int n = send(rest, refused);
                sent += n;
                if (n == 0) {
                    return sent; // the server is not taking mail now; the back-off decides when to try again
                }
            }
        } finally {
            running.set(false);
        }
    }

    /**
     * Marks the row failed, unsent, when it is a notice to an address marked refused ({@code refused}: by user, what
     * the server answered).
     */
    private boolean withheld(OutboxRow row, Map<Long, String> refused) {
        String answer = row.userId() == null || row.unsubscribeUrl() == null ? null : refused.get(row.userId());
        if (answer == null) {
            return false;
        }
        claims.failed(row.id(), "not sent: the server refused this address before (" + answer + ")");
        return true;
    }

    private int send(List<OutboxRow> batch, Map<Long, String> refused) {
        Session session = Session.getInstance(properties());
        int sent = 0;
        int done = 0;
        try (Transport transport = session.getTransport(settings.tls() ? "smtps" : "smtp")) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.user() == null ? null : settings.password());
            for (OutboxRow row : batch) {
                try {
                    done++;
                    if (withheld(row, refused)) {
                        continue; // refused earlier in this batch
                    }
                    MimeMessage message = message(session, row);
                    transport.sendMessage(message, message.getAllRecipients());
                    claims.sent(row.id());
                    sent++;
                    if (row.userId() != null && refused.remove(row.userId()) != null) {
                        acceptances.publishEvent(new MailAccepted(row.userId(), row.toAddress()));
                    }
                } catch (AddressException e) {
                    claims.failed(row.id(), "not an address: " + describe(e));
                    refusals.publishEvent(new MailRefused(row.userId(), row.toAddress(), "not a valid address"));
                    if (row.userId() != null) {
                        refused.put(row.userId(), "not a valid address");
                    }
                } catch (SendFailedException e) {
                    if (refusedForGood(e)) {
                        String answer = serverAnswer(e);
                        LOG.info("The SMTP server refused {} for good: {}", row.toAddress(), answer);
                        claims.failed(row.id(), "refused: " + answer);
                        refusals.publishEvent(new MailRefused(row.userId(), row.toAddress(), answer));
                        if (row.userId() != null) {
                            refused.put(row.userId(), answer);
                        }
                    } else {
                        later(row, e);
                    }
                } catch (MessagingException e) {
                    later(row, e);
                    if (!transport.isConnected()) {
                        throw e; // the connection dropped: the rest of the batch goes later
                    }
                }
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Sending mail failed ({}); unsent messages are tried again later", describe(e));
            for (OutboxRow row : batch.subList(done, batch.size())) {
                later(row, e);
            }
        }
        return sent;
    }

    /** Sent mail is kept a while for whoever looks into a complaint, then forgotten; unsent mail is never dropped. */
    @Scheduled(fixedDelay = "6h", initialDelay = "15m")
    void forgetOldSentMail() {
        claims.forgetSentBefore(clock.instant().minus(Duration.ofDays(30)));
    }

    private void later(OutboxRow row, Exception e) {
        if (clock.instant().isAfter(row.createdAt().plus(GIVE_UP))) {
            claims.failed(row.id(), "gave up after " + GIVE_UP.toDays() + " days: " + describe(e));
        } else {
            claims.retryLater(row, describe(e));
        }
    }

    private static boolean refusedForGood(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
        }
        Address[] invalid = e.getInvalidAddresses();
        return invalid != null && invalid.length > 0 && e.getNextException() == null;
    }

    /** What the server said of the address ("550 5.1.1 No such user"), which staff can act on, not Java's wrapper. */
    private static String serverAnswer(SendFailedException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a && a.getMessage() != null) {
                return a.getMessage().strip();
            }
        }
        return describe(e);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip());
    }

    private MimeMessage message(Session session, OutboxRow row) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from()));
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(row.toAddress(), true));
        m.setSubject(row.subject(), "UTF-8");
        m.setSentDate(Date.from(clock.instant()));
        // Marks it as sent by a program: auto-responders ("out of office") must not answer it (RFC 3834).
        m.setHeader("Auto-Submitted", "auto-generated");
        if (row.unsubscribeUrl() != null) {
            m.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
            m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(row.textBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(row.htmlBody(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    private Properties properties() {
        Properties p = new Properties();
        String proto = settings.tls() ? "smtps" : "smtp";
        p.put("mail." + proto + ".host", settings.host());
        p.put("mail." + proto + ".port", String.valueOf(settings.port()));
        p.put("mail." + proto + ".auth", String.valueOf(settings.user() != null));
        p.put("mail." + proto + ".starttls.enable", String.valueOf(settings.startTls()));
        // Asked for, STARTTLS is required: a server (or someone in between) that drops it must not get the password
        // and the set-password links in clear text.
        p.put("mail." + proto + ".starttls.required", String.valueOf(settings.startTls()));
        p.put("mail." + proto + ".connectiontimeout", "10000");
        p.put("mail." + proto + ".timeout", "20000");
        p.put("mail." + proto + ".writetimeout", "20000");
        return p;
    }
}
