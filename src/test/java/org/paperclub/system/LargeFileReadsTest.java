package org.paperclub.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperclub.support.Api;
import org.paperclub.support.AppProcess;
import org.paperclub.support.TestDatabase;

import java.io.IOException;
import java.net.http.HttpResponse;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Under README's recommended JVM settings (a 128 MB heap), staff opening many large critiques at once (the evening
 * before class, each grader with the grading sheet and its PDF beside it) all get their files, whole: 20 parallel
 * reads of 4.9 MB files, through both the download and the inline reader, are each answered 200 with the file that
 * was stored (its SHA-256), and the app neither runs out of memory nor dies. A file read holds a bounded chunk in the
 * heap, not the whole file.
 */
class LargeFileReadsTest {

    private static final int FILES = 5;
    private static final int READS = 20;
    private static final int IMAGE_BYTES = 4_900_000;

    record Read(String path, String expected, int status, String sha256, String detail) {
    }

    @Test
    void twenty_parallel_reads_of_large_critiques_in_the_recommended_heap_are_all_answered_whole(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabase.postgres(), "about the heap of the app: the H2 pass runs it");
        try (AppProcess app = AppProcess.start(Map.of("paperclub.data-dir", dir.resolve("data").toString()),
                SmallHeapBurstTest.RECOMMENDED, "large-file-reads")) {
            AppProcess.User instructor = app.login("instructor@example.edu");
            long[] target = instructor.upcomingSessionAndPaper();
            Map<String, String> fields = Map.of("sessionId", String.valueOf(target[0]), "paperId", String.valueOf(target[1]));
            List<String[]> stored = new ArrayList<>();   // {versionId, critiqueId, sha256}
            for (int n = 1; n <= FILES; n++) {
                AppProcess.User student = app.login("student" + n + "@example.edu");
                byte[] pdf = SmallHeapBurstTest.heavyCritique("Student " + n, IMAGE_BYTES, n);
                HttpResponse<String> r = student.upload("/api/courses/1/critiques", fields, "file", pdf);
                assertEquals(201, r.statusCode(), r.body());
                Map<String, Object> receipt = AppProcess.json(r.body());
                stored.add(new String[]{String.valueOf(Api.longOf(receipt, "versionId")), String.valueOf(Api.longOf(receipt, "critiqueId")),
                        sha256(pdf)});
            }

            List<Read> reads = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(READS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < READS; i++) {
                String[] file = stored.get(i % FILES);
                String path = i % 2 == 0 ? "/api/critiques/" + file[0] + "/file" : "/api/courses/1/critiques/" + file[1] + "/pdf";
                done.add(pool.submit(() -> {
                    go.await();
                    reads.add(read(instructor, path, file[2]));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertTrue(app.alive(), "the app is alive");
            assertFalse(app.output().contains("OutOfMemoryError"), "no OutOfMemoryError in the app's log");
            List<Read> wrong = reads.stream().filter(r -> r.status() != 200 || !r.expected().equals(r.sha256())).toList();
            assertEquals(List.of(), wrong, "every read is answered 200 with the stored file");
            assertEquals(READS, reads.size());
            // And the app still answers afterwards: nothing was left broken (H2 closes the database after an OutOfMemoryError).
            HttpResponse<byte[]> again = instructor.download("/api/critiques/" + stored.get(0)[0] + "/file");
            assertEquals(200, again.statusCode());
            assertEquals(stored.get(0)[2], sha256(again.body()));
        }
    }

    private static Read read(AppProcess.User who, String path, String expected) {
        try {
            HttpResponse<byte[]> r = who.download(path);
            String detail = r.statusCode() == 200 ? "" : new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            return new Read(path, expected, r.statusCode(), sha256(r.body()), detail.length() > 300 ? detail.substring(0, 300) : detail);
        } catch (IOException e) {
            return new Read(path, expected, -1, "", e.toString());
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
