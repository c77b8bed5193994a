package org.paperclub.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperclub.support.AppProcess;
import org.paperclub.support.TestDatabase;
import org.paperclub.support.TestPdfs;
import org.paperclub.support.Api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 201 means durable: the real app in its own JVM takes a burst of parallel critique uploads, is killed with
 * SIGKILL a moment into it, and is started again on the same database (the embedded H2 file as shipped, or the
 * PostgreSQL schema under -Ppostgres). Every upload that got a receipt must still download, for its student,
 * with the receipt's SHA-256, and no version id may be handed out twice.
 */
class CrashDurabilityTest {

    private static final String CRITIQUES = "/api/courses/1/critiques";
    private static final int STUDENTS = 8;
    private static final int KILLS = 2;
    /** Receipts to collect in a burst before the kill: the kill lands while uploads are being acknowledged. */
    private static final int RECEIPTS_BEFORE_KILL = 40;
    private static final int UPLOADS_AFTER_LAST_START = 3;

    record Receipt(int student, long versionId, String sha256, int burst) {
    }

    @Test
    void every_acknowledged_critique_survives_a_kill_and_its_receipt_names_the_same_file_after_restart(@TempDir Path dir)
            throws Exception {
        Map<String, String> database = new HashMap<>(TestDatabase.fresh());
        String schema = database.remove("paperclub.test.schema");
        if (!TestDatabase.postgres()) {
            // The shipped H2 URL (application.yml) in a data folder of our own: exactly what a deployment runs.
            database.clear();
            database.put("paperclub.data-dir", dir.resolve("data").toString());
        }
        List<Receipt> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        AppProcess app = start(database, dir, 0);
        try {
            long[] target = app.login("student1@example.edu").upcomingSessionAndPaper();
            for (int burst = 1; burst <= KILLS; burst++) {
                burst(app, target, burst, acknowledged, unexpected, true);
                app = start(database, dir, burst);
            }
            // After the last restart: new uploads, which would be handed any id the crash had forgotten.
            burst(app, target, KILLS + 1, acknowledged, unexpected, false);

            assertTrue(unexpected.isEmpty(), "uploads answered with neither a receipt nor a dropped connection: " + unexpected);
            Set<Long> ids = new HashSet<>();
            List<Long> reused = acknowledged.stream().map(Receipt::versionId).filter(id -> !ids.add(id)).toList();
            assertTrue(reused.isEmpty(), "version ids handed out twice (two receipts name one id): " + reused);

            Map<Integer, AppProcess.User> students = signIn(app);
            List<String> lost = new ArrayList<>();
            for (Receipt r : acknowledged) {
                HttpResponse<byte[]> file = students.get(r.student()).download("/api/critiques/" + r.versionId() + "/file");
                if (file.statusCode() != 200) {
                    lost.add("version " + r.versionId() + " of student " + r.student() + " (burst " + r.burst() + "): "
                            + file.statusCode());
                } else if (!sha256(file.body()).equals(r.sha256())) {
                    lost.add("version " + r.versionId() + " of student " + r.student() + " (burst " + r.burst()
                            + "): another file");
                }
            }
            System.out.printf("CRASH %s: %d kills, %d acknowledged uploads (%s), %d lost%n", TestDatabase.postgres() ? "PostgreSQL" : "H2",
                    KILLS, acknowledged.size(), perBurst(acknowledged), lost.size());
            assertTrue(acknowledged.size() >= KILLS * RECEIPTS_BEFORE_KILL, "the bursts were acknowledged: " + acknowledged.size());
            assertEquals(List.of(), lost, lost.size() + " of " + acknowledged.size()
                    + " acknowledged uploads are gone or serve another file after a SIGKILL and restart");
        } finally {
            app.close();
            TestDatabase.drop(schema);
        }
    }

    private static String perBurst(List<Receipt> receipts) {
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        receipts.forEach(r -> counts.merge(r.burst(), 1L, Long::sum));
        return counts.entrySet().stream().map(e -> "burst " + e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static AppProcess start(Map<String, String> database, Path dir, int run) {
        return AppProcess.start(database, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "crash-durability-" + (TestDatabase.postgres() ? "postgres-" : "h2-") + run);
    }

    private static Map<Integer, AppProcess.User> signIn(AppProcess app) {
        Map<Integer, AppProcess.User> students = new HashMap<>();
        for (int n = 1; n <= STUDENTS; n++) {
            students.put(n, app.login("student" + n + "@example.edu"));
        }
        return students;
    }

    /**
     * One student per thread uploads new versions back to back. With {@code kill}, the app is killed as soon as the
     * burst has {@link #RECEIPTS_BEFORE_KILL} receipts; otherwise each student uploads a few times.
     */
    private static void burst(AppProcess app, long[] target, int burst, List<Receipt> acknowledged, List<String> unexpected,
                              boolean kill) throws Exception {
        Map<Integer, AppProcess.User> students = signIn(app);
        AtomicInteger receipts = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(STUDENTS);
        for (int n = 1; n <= STUDENTS; n++) {
            int student = n;
            pool.submit(() -> {
                for (int i = 0; !stop.get() && (kill || i < UPLOADS_AFTER_LAST_START); i++) {
                    byte[] pdf = TestPdfs.goodCritique("Student " + student + ", burst " + burst + ", upload " + UUID.randomUUID());
                    HttpResponse<String> answer;
                    try {
                        answer = students.get(student).upload(CRITIQUES, Map.of("sessionId", String.valueOf(target[0]),
                                "paperId", String.valueOf(target[1])), "file", pdf);
                    } catch (IOException e) {
                        if (!stop.get()) {
                            unexpected.add("student " + student + ": " + e);
                        }
                        return;
                    }
                    if (answer.statusCode() != 201) {
                        unexpected.add("student " + student + ": " + answer.statusCode() + " " + answer.body());
                        return;
                    }
                    Map<String, Object> receipt = AppProcess.json(answer.body());
                    String sha = sha256(pdf);
                    if (!sha.equals(receipt.get("sha256"))) {
                        unexpected.add("student " + student + ": the receipt names another SHA-256");
                    }
                    acknowledged.add(new Receipt(student, Api.longOf(receipt, "versionId"), sha, burst));
                    receipts.incrementAndGet();
                }
            });
        }
        if (kill) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (receipts.get() < RECEIPTS_BEFORE_KILL && System.nanoTime() < deadline && unexpected.isEmpty()) {
                Thread.sleep(5);
            }
            stop.set(true);
            app.kill();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the uploads ended");
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
