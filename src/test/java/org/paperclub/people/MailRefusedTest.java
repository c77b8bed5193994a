package org.paperclub.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.MailTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SMTP server that refuses every recipient for good (550 to RCPT TO): the invitation is not retried, and the
 * person is marked on the roster for staff to see.
 */
@MicronautTest(transactional = false)
class MailRefusedTest extends MailTest {

    private ServerSocket refusing;

    @Override
    protected Map<String, String> mailProperties() {
        try {
            refusing = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread server = new Thread(this::serve, "refusing-smtp");
        server.setDaemon(true);
        server.start();
        return Map.of("paperclub.mail.port", String.valueOf(refusing.getLocalPort()));
    }

    private void serve() {
        while (!refusing.isClosed()) {
            try (Socket s = refusing.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = s.getOutputStream();
                say(out, "220 refusing.example.edu ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                    switch (verb) {
                        case "EHLO", "HELO" -> say(out, "250 refusing.example.edu");
                        case "RCPT" -> say(out, "550 5.1.1 No such mailbox here");
                        case "QUIT" -> {
                            say(out, "221 bye");
                            return;
                        }
                        default -> say(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // the test is over, or the client hung up
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @AfterAll
    void stopRefusing() throws IOException {
        refusing.close();
    }

    @Test
    void an_address_the_server_refuses_is_marked_on_the_roster() {
        ta().post("/api/courses/1/roster", Map.of("email", "no.mailbox@example.edu", "name", "No Mailbox"));
        deliver();
        Map<String, Object> entry = ta().list("/api/courses/1/roster").stream()
                .filter(r -> "no.mailbox@example.edu".equals(r.get("email"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(entry.get("mailRefused")).contains("550 5.1.1 No such mailbox here"),
                "staff read what the server said: " + entry.get("mailRefused"));
        assertNotNull(entry.get("mailRefusedAt"));
        assertEquals("PENDING", entry.get("invitation"), "the invitation stands: staff can fix the address or hand out a link");
        assertEquals(0, deliver(), "a refused address is not tried again");
        assertNull(ta().list("/api/courses/1/roster").stream().filter(r -> "student1@example.edu".equals(r.get("email")))
                .findFirst().orElseThrow().get("mailRefused"));
    }
}
