package org.paperclub.bench;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.MailTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Telling a large class (issue 13): a course of 2,000 students added by one roster import (2,000 invitation mails
 * queued in the import's transaction), then one announcement to all of them by e-mail. Prints the time of each
 * request — which writes every notice and every mail to the outbox, and sends nothing itself — and how long the
 * background sender then takes to hand the mails to a real SMTP server in the same JVM (GreenMail). Not part of the
 * test suite; timings are printed, never asserted: {@code mvn -Pbench test -Dtest=AnnouncementBenchmark} (add
 * {@code -Dpaperclub.test.db=postgres}).
 */
@MicronautTest(transactional = false)
class AnnouncementBenchmark extends MailTest {

    static final int STUDENTS = 2000;

    @Test
    void oneAnnouncementToTwoThousandStudents() {
        Api.Session instructor = instructor();
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 0; i < STUDENTS; i++) {
            csv.append("reader").append(i).append("@example.edu,Reader ").append(i).append('\n');
        }
        long t0 = System.nanoTime();
        instructor.post("/api/courses/1/roster/import", csv.toString(), "text/csv");
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        int invitations = drain();
        long invitationsMs = (System.nanoTime() - t1) / 1_000_000;

        long t2 = System.nanoTime();
        Map<String, Object> posted = instructor.post("/api/courses/1/announcements",
                Map.of("title", "Room change", "body", "From today we meet in room 2117.")).body();
        long postMs = (System.nanoTime() - t2) / 1_000_000;
        long t3 = System.nanoTime();
        int mails = drain();
        long sendMs = (System.nanoTime() - t3) / 1_000_000;

        assertEquals(STUDENTS, invitations, "one invitation per new student");
        assertEquals(Api.intOf(posted, "notified"), mails, "one mail per person notified");
        System.out.printf("ANNOUNCEMENT-BENCH db=%s import=%d ms (%d invitations queued), invitations sent=%d ms (%.0f/s); "
                        + "announcement POST=%d ms (%d notified), sent=%d ms (%.0f/s)%n",
                System.getProperty("paperclub.test.db", "h2"), importMs, invitations, invitationsMs,
                invitations * 1000.0 / invitationsMs, postMs, Api.intOf(posted, "notified"), sendMs, mails * 1000.0 / sendMs);
    }

    private int drain() {
        int sent = 0;
        int n;
        while ((n = deliver()) > 0) {
            sent += n;
        }
        return sent;
    }
}
