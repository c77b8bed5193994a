package org.paperclub.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperclub.support.AppProcess;
import org.paperclub.support.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Uploads that stop half-way cost neither heap nor an answer for ever: the real app in its own JVM with a small heap
 * and a short read timeout holds many near-limit uploads that stall after 9.5 of 9.9 MB, still answers everyone else,
 * answers each stalled upload with 408 problem+json, and runs out of no memory. Idle connections are closed.
 */
class StalledUploadTest {

    private static final int STALLED = 40;
    private static final int DECLARED_BYTES = (int) (9.9 * 1024 * 1024);
    private static final int SENT_BYTES = (int) (9.5 * 1024 * 1024);
    private static final String READ_TIMEOUT = "3s";
    private static final String IDLE_TIMEOUT = "4s";
    /** Far more than the read timeout above, far less than Netty's default of 5 minutes. */
    private static final int PATIENCE_MS = 40_000;

    @Test
    void stalled_near_limit_uploads_get_408_while_the_app_answers_others_in_a_small_heap(@TempDir Path dir) throws Exception {
        assumeFalse(TestDatabase.postgres(), "about the HTTP server, not the database: the H2 pass runs it");
        Path uploads = dir.resolve("uploads");
        Files.createDirectories(uploads);
        try (AppProcess app = AppProcess.start(Map.of("paperclub.data-dir", dir.resolve("data").toString(),
                        "micronaut.server.read-idle-timeout", READ_TIMEOUT, "micronaut.server.idle-timeout", IDLE_TIMEOUT,
                        "micronaut.server.multipart.location", uploads.toString()),
                // README's recommended JVM settings (pom.xml paperclub.jvmOptions): the heap is smaller still.
                List.of("-Xmx96m", "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), "stalled-upload")) {
            List<AppProcess.User> students = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                students.add(app.login("student" + n + "@example.edu"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(STALLED + 2);
            List<Socket> sockets = new ArrayList<>();
            // Two idle connections: one that never sends a request, one kept alive after its answer.
            Socket silent = new Socket("127.0.0.1", app.port());
            Socket keptAlive = new Socket("127.0.0.1", app.port());
            try {
                keptAlive.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                Future<String> silentEnd = pool.submit(() -> answer(silent));
                Future<String> keptAliveEnd = pool.submit(() -> answer(keptAlive));
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < STALLED; i++) {
                    Socket socket = new Socket("127.0.0.1", app.port());
                    sockets.add(socket);
                    AppProcess.User who = students.get(i % students.size());
                    sends.add(pool.submit(() -> {
                        sendAllButTheEnd(socket, who);
                        return null;
                    }));
                }
                long deadline = System.currentTimeMillis() + PATIENCE_MS;
                int unsent = 0;
                for (Future<?> send : sends) {
                    try {
                        send.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        unsent++;
                    }
                }
                assertEquals(0, unsent, "the app stopped reading the uploads"
                        + (app.output().contains("OutOfMemoryError") ? " (OutOfMemoryError)" : ""));

                try (Stream<Path> files = Files.list(uploads)) {
                    assertEquals(STALLED, files.count(), "each unfinished upload waits in a temporary file, not in the heap");
                }

                // Everyone else is still served while the stalled uploads hang.
                HttpResponse<byte[]> other = students.get(0).download("/api/courses/1/critiques/progress");
                assertEquals(200, other.statusCode(), () -> new String(other.body(), StandardCharsets.UTF_8));

                List<Future<String>> answers = new ArrayList<>();
                for (Socket socket : sockets) {
                    answers.add(pool.submit(() -> answer(socket)));
                }
                for (Future<String> answer : answers) {
                    String response = answer.get(PATIENCE_MS + 5_000L, TimeUnit.MILLISECONDS);
                    assertTrue(response.startsWith("HTTP/1.1 408"), "a stalled upload is answered 408, got: " + head(response));
                    assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), head(response));
                    assertTrue(response.contains("\"detail\""), head(response));
                }
                assertEquals("", silentEnd.get(PATIENCE_MS + 5_000L, TimeUnit.MILLISECONDS), "an idle connection is closed");
                String kept = keptAliveEnd.get(PATIENCE_MS + 5_000L, TimeUnit.MILLISECONDS);
                assertTrue(kept.startsWith("HTTP/1.1 200"), "an idle kept-alive connection is closed: " + kept);
            } finally {
                pool.shutdownNow();
                silent.close();
                keptAlive.close();
                for (Socket s : sockets) {
                    s.close();
                }
            }
            assertTrue(app.alive(), "the app survived");
            HttpResponse<byte[]> after = students.get(1).download("/api/courses/1/critiques/progress");
            assertEquals(200, after.statusCode());
            // A finished upload past the in-memory threshold goes through its temporary file and is judged as usual.
            byte[] notAPdf = new byte[256 * 1024];
            Arrays.fill(notAPdf, (byte) 'x');
            HttpResponse<String> judged = students.get(1).upload("/api/courses/1/critiques", Map.of("sessionId", "1", "paperId", "1"),
                    "file", notAPdf);
            assertEquals(422, judged.statusCode(), judged::body);
            assertFalse(app.output().contains("OutOfMemoryError"), () -> "no OutOfMemoryError in the app:\n" + app.output());
            List<Path> left = List.of();
            for (long until = System.currentTimeMillis() + 10_000; System.currentTimeMillis() < until; Thread.sleep(100)) {
                try (Stream<Path> files = Files.list(uploads)) {
                    left = files.toList();
                }
                if (left.isEmpty()) {
                    break;
                }
            }
            assertEquals(List.of(), left, "the uploads' temporary files are deleted");
        }
    }

    /** Headers for a 9.9 MB critique upload, then all but its last 0.4 MB: the client stalls. */
    private static void sendAllButTheEnd(Socket socket, AppProcess.User who) throws IOException {
        String boundary = "----stalled" + System.nanoTime();
        byte[] preamble = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sessionId\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"paperId\"\r\n\r\n1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"critique.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/courses/1/critiques HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Cookie: " + who.cookie() + "\r\nX-XSRF-TOKEN: " + who.csrf() + "\r\n"
                + "Accept: application/json, application/problem+json\r\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                + "Content-Length: " + DECLARED_BYTES + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(preamble);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int sent = preamble.length; sent < SENT_BYTES; sent += chunk.length) {
            out.write(chunk, 0, Math.min(chunk.length, SENT_BYTES - sent));
        }
        out.flush();
    }

    /** Whatever the app answers on this connection before it closes it (empty if it closes without a word). */
    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout(PATIENCE_MS);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return "no answer within " + PATIENCE_MS / 1000 + " s: " + got.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Reset after the answer: what came before it still counts.
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static String head(String response) {
        return response.length() > 600 ? response.substring(0, 600) : response;
    }
}
