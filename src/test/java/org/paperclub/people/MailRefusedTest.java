package org.paperclub.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SMTP server that refuses some mailboxes for good (550 to RCPT TO) and takes mail for the others: a refused
 * invitation is not retried, the person is marked on the roster for staff to see, and no notice is sent to the
 * address again (the bell still has it) until the mark is cleared.
 */
@MicronautTest(transactional = false)
class MailRefusedTest extends MailTest {

    private static final String ROSTER = "/api/courses/1/roster";
    private static final String LINK = "https://paperclub.example.edu/#/invitation/";

    private ServerSocket server;
    /** The mailboxes this server has not (or no longer). */
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    /** Every RCPT TO this server was asked, refused or not, in order. */
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<Received> taken = new CopyOnWriteArrayList<>();

    @Override
    protected Map<String, String> mailProperties() {
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread serving = new Thread(this::serve, "refusing-smtp");
        serving.setDaemon(true);
        serving.start();
        return Map.of("paperclub.mail.port", String.valueOf(server.getLocalPort()));
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                say(out, "220 refusing.example.edu ESMTP");
                String line;
                boolean open = true;
                while (open && (line = in.readLine()) != null) {
                    String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                    switch (verb) {
                        case "EHLO", "HELO" -> say(out, "250 refusing.example.edu");
                        case "RCPT" -> {
                            String to = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                            asked.add(to);
                            say(out, missing.contains(to) ? "550 5.1.1 No such mailbox here" : "250 OK");
                        }
                        case "DATA" -> {
                            say(out, "354 go ahead");
                            taken.add(Received.of(readMessage(in)));
                            say(out, "250 OK");
                        }
                        case "QUIT" -> {
                            say(out, "221 bye");
                            open = false; // and on to the next connection
                        }
                        default -> say(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                // the test is over, or the client hung up
            } catch (MessagingException | RuntimeException e) {
                e.printStackTrace();
            }
        }
    }

    private static MimeMessage readMessage(BufferedReader in) throws IOException, MessagingException {
        StringBuilder raw = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            raw.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.toString().getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @BeforeEach
    void freshLog() {
        asked.clear();
        taken.clear();
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
    }

    private long attemptsFor(String address) {
        return asked.stream().filter(address::equals).count();
    }

    private List<Received> takenFor(String address) {
        return taken.stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    private Map<String, Object> rosterEntry(String email) {
        return ta().list(ROSTER).stream().filter(r -> email.equals(r.get("email"))).findFirst().orElseThrow();
    }

    private void announce(String title) {
        instructor().post("/api/courses/1/announcements", Map.of("title", title, "body", "Details in class."));
    }

    @Test
    void an_address_the_server_refuses_is_marked_on_the_roster() {
        missing.add("no.mailbox@example.edu");
        ta().post(ROSTER, Map.of("email", "no.mailbox@example.edu", "name", "No Mailbox"));
        deliver();
        Map<String, Object> entry = rosterEntry("no.mailbox@example.edu");
        assertTrue(String.valueOf(entry.get("mailRefused")).contains("550 5.1.1 No such mailbox here"),
                "staff read what the server said: " + entry.get("mailRefused"));
        assertNotNull(entry.get("mailRefusedAt"));
        assertEquals("PENDING", entry.get("invitation"), "the invitation stands: staff can fix the address or hand out a link");
        assertEquals(0, deliver(), "a refused address is not tried again");
        assertEquals(1, attemptsFor("no.mailbox@example.edu"));
        assertNull(rosterEntry("student1@example.edu").get("mailRefused"));
    }

    @Test
    void a_student_whose_address_was_refused_is_sent_no_more_notices_but_finds_them_in_the_app() {
        missing.add("student2@example.edu");
        announce("Room change");
        deliver();
        assertEquals(1, attemptsFor("student2@example.edu"));
        assertTrue(String.valueOf(rosterEntry("student2@example.edu").get("mailRefused")).contains("550"));

        announce("Bring a laptop");
        deliver();
        assertEquals(1, attemptsFor("student2@example.edu"), "the server is not asked again about a mailbox it has not");
        assertEquals(List.of("[" + courseCode() + "] Room change", "[" + courseCode() + "] Bring a laptop"),
                takenFor("student1@example.edu").stream().map(Received::subject).toList(), "the others get theirs");
        String bell = student(2).get("/api/me/notifications").toString();
        assertTrue(bell.contains("Room change") && bell.contains("Bring a laptop"), "the bell has both: " + bell);
        assertTrue(String.valueOf(rosterEntry("student2@example.edu").get("mailRefused")).contains("550"),
                "staff still see that the address was refused");
    }

    @Test
    void once_staff_send_the_invitation_again_after_the_address_was_fixed_mail_flows_again() {
        missing.add("fixed.later@example.edu");
        ta().post(ROSTER, Map.of("email", "fixed.later@example.edu", "name", "Fixed Later"));
        announce("Before the fix"); // queued with the invitation, before the server had a chance to refuse it
        deliver();
        assertEquals(1, attemptsFor("fixed.later@example.edu"), "the invitation was refused, the announcement not tried");
        assertNotNull(rosterEntry("fixed.later@example.edu").get("mailRefused"));

        missing.remove("fixed.later@example.edu"); // the campus made the mailbox
        long userId = Api.longOf(rosterEntry("fixed.later@example.edu"), "userId");
        ta().post(ROSTER + "/" + userId + "/invitation", Map.of());
        deliver();
        List<Received> invitations = takenFor("fixed.later@example.edu");
        assertEquals(1, invitations.size(), "the invitation sent again goes out");
        assertNull(rosterEntry("fixed.later@example.edu").get("mailRefused"));

        String link = invitations.get(0).link(LINK);
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("password", "mailbox-made-at-last")));
        Api.Session fixed = api().login("fixed.later@example.edu", "mailbox-made-at-last");
        assertTrue(fixed.get("/api/me/notifications").toString().contains("Before the fix"), "the bell kept what mail could not bring");

        announce("After the fix");
        deliver();
        assertEquals("[" + courseCode() + "] After the fix", takenFor("fixed.later@example.edu").get(1).subject());
    }

    @Test
    void a_password_reset_goes_despite_the_mark_and_once_the_server_takes_it_notices_are_mailed_again() {
        missing.add("student3@example.edu");
        announce("Quiz on Monday");
        deliver();
        assertNotNull(rosterEntry("student3@example.edu").get("mailRefused"));

        missing.remove("student3@example.edu");
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/password-reset", Map.of("email", "student3@example.edu")));
        deliver();
        assertEquals(1, takenFor("student3@example.edu").size(), "the person asked for it: it is sent");
        assertNull(rosterEntry("student3@example.edu").get("mailRefused"), "the server took it: the address works again");

        announce("Quiz moved to Tuesday");
        deliver();
        assertEquals("[" + courseCode() + "] Quiz moved to Tuesday", takenFor("student3@example.edu").get(1).subject());
    }

    private String courseCode() {
        return (String) Api.listOf(ta().get("/api/me"), "courses").stream()
                .filter(c -> Api.id(c) == DEMO).findFirst().orElseThrow().get("code");
    }
}
