package org.paperclub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.paperclub.mail.MailSender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of the tests of what Paperclub e-mails: a real SMTP server (GreenMail) in the test JVM on a free port, the app
 * configured to send to it, and what arrived parsed back with Jakarta Mail. The app's background sender is slowed
 * to once an hour so that a test decides when mail goes out ({@link #deliver()}); a browser test can set
 * {@code paperclub.mail.poll-interval} shorter in {@link #mailProperties()}.
 */
public abstract class MailTest extends ApiTest {

    protected GreenMail smtp;

    @Inject
    protected MailSender sender;

    @Override
    protected final Map<String, String> extraProperties() {
        // A fixed free port, not 0: a test that stops and restarts the server finds it where the app sends.
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> p = new HashMap<>();
        p.put("paperclub.mail.host", "127.0.0.1");
        p.put("paperclub.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        p.put("paperclub.mail.starttls", "false");
        p.put("paperclub.mail.from", "Paperclub <paperclub@example.edu>");
        p.put("paperclub.public-url", "https://paperclub.example.edu");
        p.put("paperclub.mail.poll-interval", "1h");
        p.putAll(mailProperties());
        return p;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** More settings for this class's app. */
    protected Map<String, String> mailProperties() {
        return Map.of();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        sender.sendDue(); // what an earlier test left queued goes out now, and is then forgotten
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    /** Sends what is queued now, as the background job would. */
    protected int deliver() {
        return sender.sendDue();
    }

    /** Every message the SMTP server received, oldest first. */
    protected List<Received> received() {
        List<Received> all = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            all.add(Received.of(m));
        }
        return all;
    }

    /** The messages received for one address. */
    protected List<Received> receivedBy(String address) {
        return received().stream().filter(r -> r.to().equalsIgnoreCase(address)).toList();
    }

    /** A received message, parsed: its recipient, subject, both parts and headers. */
    public record Received(String to, String subject, String text, String html, MimeMessage message) {

        public static Received of(MimeMessage m) {
            try {
                String text = null;
                String html = null;
                if (m.getContent() instanceof Multipart parts) {
                    for (int i = 0; i < parts.getCount(); i++) {
                        BodyPart part = parts.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = (String) part.getContent();
                        } else if (part.isMimeType("text/html")) {
                            html = (String) part.getContent();
                        }
                    }
                } else {
                    text = String.valueOf(m.getContent());
                }
                return new Received(m.getRecipients(Message.RecipientType.TO)[0].toString(), m.getSubject(), text, html, m);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            try {
                return message.getHeader(name, ",");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first link of the text part that starts with this prefix, e.g. "https://paperclub.example.edu/#/invitation/". */
        public String link(String prefix) {
            Matcher m = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link starting " + prefix + " in:\n" + text);
            }
            return m.group();
        }
    }
}
