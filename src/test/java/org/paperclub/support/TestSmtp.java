package org.paperclub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) for a test class that cannot extend {@link MailTest}, such as a page test: the
 * settings that point the app at it, with the background sender running on its own, and a way to wait for a message.
 */
public final class TestSmtp implements AutoCloseable {

    private final GreenMail smtp;

    private TestSmtp(GreenMail smtp) {
        this.smtp = smtp;
    }

    public static TestSmtp start() {
        GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return new TestSmtp(smtp);
    }

    /**
     * The app's settings: mail to this server, links to {@code publicUrl}, and the outbox sent every
     * {@code pollInterval} by the background job, as in production.
     */
    public Map<String, String> properties(String publicUrl, String pollInterval) {
        Map<String, String> p = new HashMap<>();
        p.put("paperclub.mail.host", "127.0.0.1");
        p.put("paperclub.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        p.put("paperclub.mail.starttls", "false");
        p.put("paperclub.mail.from", "Paperclub <paperclub@example.edu>");
        p.put("paperclub.public-url", publicUrl);
        p.put("paperclub.mail.poll-interval", pollInterval);
        return p;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MailTest.Received> receivedBy(String address) {
        List<MailTest.Received> all = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            MailTest.Received r = MailTest.Received.of(m);
            if (r.to().equalsIgnoreCase(address)) {
                all.add(r);
            }
        }
        return all;
    }

    /** Waits (up to {@code timeout}) until the address has received {@code count} messages; the newest. */
    public MailTest.Received awaitMessage(String address, int count, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<MailTest.Received> got = receivedBy(address);
            if (got.size() >= count) {
                return got.get(got.size() - 1);
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no message " + count + " for " + address + " within " + timeout + "; got " + got.size());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        smtp.stop();
    }
}
