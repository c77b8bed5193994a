package org.paperclub.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperclub.support.Api;
import org.paperclub.support.AppProcess;
import org.paperclub.support.HostilePdfs;
import org.paperclub.support.TestDatabase;
import org.paperclub.support.TestPdfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Under README's recommended JVM settings (a 128 MB heap), a deadline-minute burst of large critiques, hostile files
 * and prints of a session full of large hand-ins is answered without an OutOfMemoryError: every answer is a receipt,
 * a refusal the student can read (4xx problem+json) or a "try again in a minute" (503 with Retry-After), never a
 * 500; the app lives on, and every receipt's file reads back with its SHA-256.
 */
class SmallHeapBurstTest {

    /** README's recommended JVM settings, read from pom.xml's paperclub.jvmOptions (src/bench/start.sh has the same). */
    static final List<String> RECOMMENDED = recommended();

    private static final String CRITIQUES = "/api/courses/1/critiques";
    private static final int STUDENTS = 20;
    /** Just under the demo course's 5 MB limit: a one-page critique with a large photo in it. */
    private static final int IMAGE_BYTES = 4_900_000;

    record Answer(String what, int student, int status, String contentType, String retryAfter, String body, String sha256) {
    }

    @Test
    void a_burst_of_large_uploads_hostile_files_and_prints_in_the_recommended_heap_gets_no_500_and_loses_no_receipt(
            @TempDir Path dir) throws Exception {
        assumeFalse(TestDatabase.postgres(), "about the heap of the app: the H2 pass runs it");
        try (AppProcess app = AppProcess.start(Map.of("paperclub.data-dir", dir.resolve("data").toString()), RECOMMENDED,
                "small-heap-burst")) {
            List<AppProcess.User> students = new ArrayList<>();
            for (int n = 1; n <= STUDENTS; n++) {
                students.add(app.login("student" + n + "@example.edu"));
            }
            AppProcess.User instructor = app.login("instructor@example.edu");
            long[] target = students.get(0).upcomingSessionAndPaper();
            Map<String, String> fields = Map.of("sessionId", String.valueOf(target[0]), "paperId", String.valueOf(target[1]));
            List<byte[]> hostile = new ArrayList<>(HostilePdfs.corpus().values());
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

            // Round 1 fills the session with large hand-ins; round 2 uploads new versions while the session is printed.
            for (int round = 1; round <= 2; round++) {
                List<Runnable> work = new ArrayList<>();
                for (int n = 0; n < STUDENTS; n++) {
                    AppProcess.User who = students.get(n);
                    int student = n + 1;
                    byte[] pdf = heavyCritique("Student " + student + ", round " + round, IMAGE_BYTES, student * 10 + round);
                    work.add(() -> answers.add(upload(who, student, "large critique", fields, pdf)));
                }
                for (int h = 0; h < 4; h++) {
                    AppProcess.User who = students.get(h);
                    byte[] pdf = hostile.get((round * 7 + h * 5) % hostile.size());
                    int student = h + 1;
                    work.add(() -> answers.add(upload(who, student, "hostile file", fields, pdf)));
                }
                if (round == 2) {
                    for (int p = 0; p < 2; p++) {
                        work.add(() -> answers.add(print(instructor, target[0])));
                    }
                }
                runTogether(work);
                assertTrue(app.alive(), "the app is alive after round " + round);
            }

            String log = app.output();
            assertFalse(log.contains("OutOfMemoryError"), "no OutOfMemoryError in the app's log");
            List<Answer> wrong = answers.stream().filter(a -> !acceptable(a)).toList();
            assertEquals(List.of(), wrong, "every answer is a receipt, a readable refusal or a 503 with Retry-After");
            List<Answer> stored = answers.stream().filter(a -> a.status() == 201).toList();
            long refusedGood = answers.stream().filter(a -> a.what().equals("large critique") && a.status() != 201 && a.status() != 503).count();
            assertEquals(0, refusedGood, "no good critique is refused as if it were broken: " + answers.stream()
                    .filter(a -> a.what().equals("large critique") && a.status() != 201).map(Answer::body).toList());
            long hostileStored = answers.stream().filter(a -> a.what().equals("hostile file") && a.status() == 201).count();
            assertEquals(0, hostileStored, "hostile files are refused");
            assertTrue(stored.size() >= STUDENTS, "most large critiques were stored: " + stored.size() + " of " + 2 * STUDENTS);
            for (Answer a : stored) {
                Map<String, Object> receipt = AppProcess.json(a.body());
                assertEquals(a.sha256(), receipt.get("sha256"), "the receipt names the file sent");
                HttpResponse<byte[]> back = students.get(a.student() - 1).download("/api/critiques/" + Api.longOf(receipt, "versionId") + "/file");
                assertEquals(200, back.statusCode(), "a stored critique reads back");
                assertEquals(a.sha256(), sha256(back.body()), "the stored file is the one sent");
            }
            System.out.printf("SMALL HEAP BURST (%s): %d answers: %s%n", RECOMMENDED, answers.size(), summary(answers));
            assertTrue(app.alive(), "the app is alive at the end");
        }
    }

    private static boolean acceptable(Answer a) {
        boolean problem = a.contentType() != null && a.contentType().startsWith("application/problem+json");
        if (a.status() == 201 || (a.what().equals("print") && a.status() == 200 && "application/pdf".equals(a.contentType()))) {
            return true;
        }
        if (a.status() == 503) {
            return problem && a.retryAfter() != null;
        }
        return a.status() >= 400 && a.status() < 500 && problem;
    }

    private static String summary(List<Answer> answers) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        answers.forEach(a -> counts.merge(a.what() + " " + a.status(), 1L, Long::sum));
        return counts.toString();
    }

    private static Answer upload(AppProcess.User who, int student, String what, Map<String, String> fields, byte[] pdf) {
        try {
            HttpResponse<String> r = who.upload(CRITIQUES, fields, "file", pdf);
            return new Answer(what, student, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
                    r.headers().firstValue("Retry-After").orElse(null), r.body(), sha256(pdf));
        } catch (IOException e) {
            return new Answer(what, student, -1, null, null, e.toString(), sha256(pdf));
        }
    }

    private static Answer print(AppProcess.User instructor, long sessionId) {
        try {
            HttpResponse<byte[]> r = instructor.download("/api/courses/1/sessions/" + sessionId + "/critiques.pdf");
            String type = r.headers().firstValue("Content-Type").orElse(null);
            String body = "application/pdf".equals(type) ? r.body().length + " bytes of PDF" : new String(r.body(), StandardCharsets.UTF_8);
            return new Answer("print", 0, r.statusCode(), type, r.headers().firstValue("Retry-After").orElse(null), body, null);
        } catch (IOException e) {
            return new Answer("print", 0, -1, null, null, e.toString(), null);
        }
    }

    /** Starts every piece of work at the same moment and waits for all (bounded: the HTTP client times out at 30 s). */
    private static void runTogether(List<Runnable> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Runnable w : work) {
            done.add(pool.submit(() -> {
                go.await();
                w.run();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    static byte[] heavyCritique(String byline, int imageBytes, long seed) {
        return TestPdfs.heavyCritique(byline, imageBytes, seed);
    }

    private static List<String> recommended() {
        try {
            Matcher m = Pattern.compile("<paperclub.jvmOptions>(.*)</paperclub.jvmOptions>").matcher(Files.readString(Path.of("pom.xml")));
            if (!m.find()) {
                throw new IllegalStateException("pom.xml names no paperclub.jvmOptions");
            }
            return List.of(m.group(1).trim().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
