package org.paperclub.critique;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.HostilePdfs;
import org.paperclub.support.TestPdfs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken and hostile files ({@link HostilePdfs}) uploaded as a critique: each is refused with a 4xx problem within a
 * bounded time, nothing is stored, and the server stays up and keeps accepting good critiques. A file that hangs
 * the parser or exhausts memory would fail here by time or by crashing the test JVM (the server runs in it).
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileUploadTest extends ApiTest {

    private static final String CRITIQUES = "/api/courses/1/critiques";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    /**
     * A safety guard against hanging (the inspector gives up after 10 s), not a performance figure: no timing is
     * asserted, only that an answer comes before the guard.
     */
    private static final Duration BOUND = Duration.ofSeconds(15);
    /** micronaut.server.max-request-size in application.yml. */
    private static final int SERVER_LIMIT = 10 * 1024 * 1024;

    private final List<Map<String, Object>> upcoming = new ArrayList<>();

    /** The client waits longer than {@link #BOUND} (its default is 10 s), so that the bound, not the client, decides. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "30s");
    }

    @BeforeAll
    void findSessions() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Map<String, Object> s : student(1).list("/api/courses/1/sessions")) {
            long assigned = Api.listOf(s, "readings").stream().filter(r -> "ASSIGNED".equals(r.get("kind"))).count();
            if (!"NO_CLASS".equals(s.get("kind")) && assigned >= 2
                    && OffsetDateTime.parse((String) s.get("startsAt")).isAfter(now.plusDays(1))) {
                upcoming.add(s);
            }
        }
        assertTrue(upcoming.size() >= 2, "the demo term has upcoming sessions with assigned papers");
    }

    long session(int n) {
        return Api.id(upcoming.get(n));
    }

    long paper(int n) {
        return Api.longOf(Api.listOf(upcoming.get(n), "readings").stream()
                .filter(r -> "ASSIGNED".equals(r.get("kind"))).findFirst().orElseThrow(), "paperId");
    }

    HttpResponse<Map<String, Object>> upload(Api.Session who, int session, byte[] pdf) {
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session(session)))
                .addPart("paperId", String.valueOf(paper(session)))
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), pdf).build();
        return who.http().exchange(who.authorize(HttpRequest.POST(CRITIQUES, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP);
    }

    /**
     * Per file: (1) it is refused with a 4xx problem within the bound; (2) the inspector's work on it has stopped
     * within the bound too (a refusal by time-out while a worker keeps parsing would let a few uploads occupy the
     * inspector's whole pool), and a good critique uploaded right after is still accepted.
     */
    @TestFactory
    @Order(1)
    Stream<DynamicContainer> every_hostile_file_is_refused_quickly_with_a_problem() {
        Api.Session s = student(2);
        Api.Session bystander = student(4);
        // -Dhostile.only=text runs only the files whose name contains it (to look into one case).
        String only = System.getProperty("hostile.only", "");
        return HostilePdfs.corpus().entrySet().stream().filter(e -> e.getKey().contains(only)).map(entry -> {
            String name = entry.getKey();
            byte[] file = entry.getValue();
            long[] startedAt = new long[1];
            long[] answeredAt = new long[1];
            DynamicTest refused = DynamicTest.dynamicTest("is refused with a 4xx problem within " + BOUND.toSeconds() + " s", () -> {
                awaitInspectorIdle(Duration.ofSeconds(90)); // a previous file's leftover work must not decide this one's verdict
                long started = System.nanoTime();
                startedAt[0] = started;
                HttpResponse<Map<String, Object>> accepted = null;
                HttpClientResponseException refusal = null;
                try {
                    accepted = upload(s, 0, file);
                } catch (HttpClientResponseException e) {
                    refusal = e;
                } catch (RuntimeException e) {
                    // Past the server's request limit the server answers 413 and closes the connection while the
                    // body still streams in; a client still writing may see the close (broken pipe) before the
                    // answer. That is a refusal too, but only for a request past the limit.
                    assertTrue(file.length > SERVER_LIMIT && rootCause(e) instanceof java.io.IOException,
                            name + ": the connection failed: " + e);
                    answeredAt[0] = System.nanoTime();
                    System.out.printf("HOSTILE %-62s closed while sending (%s)%n", name, e.getMessage());
                    assertTrue(Duration.ofNanos(answeredAt[0] - started).compareTo(BOUND) < 0,
                            hung(name, Duration.ofNanos(answeredAt[0] - started)));
                    return;
                } finally {
                    answeredAt[0] = System.nanoTime();
                }
                Duration took = Duration.ofNanos(answeredAt[0] - started);
                int status = accepted != null ? accepted.code() : refusal.getStatus().getCode();
                String body = accepted != null ? String.valueOf(accepted.body()) : refusal.getResponse().getBody(String.class).orElse("");
                System.out.printf("HOSTILE %-62s %d %6d ms %10d bytes  %s%n", name, status, took.toMillis(), file.length, abbreviate(body));

                assertTrue(took.compareTo(BOUND) < 0, hung(name, took));
                if (refusal == null) {
                    fail(name + " was accepted (" + status + "): " + body);
                }
                assertTrue(status == 422 || status == 413, name + ": 422 for a refused file, 413 for a too-large request; got " + status + ", " + body);
                assertEquals("application/problem+json", refusal.getResponse().getContentType().map(MediaType::toString).orElse(""),
                        name + ": errors are problem+json; " + body);
                Map<String, Object> problem = refusal.getResponse().getBody(MAP).orElseThrow();
                assertTrue(problem.get("detail") instanceof String d && !d.isBlank(), name + ": a problem says what went wrong; " + body);
            });
            DynamicTest free = DynamicTest.dynamicTest("leaves the inspector free: work stops within " + BOUND.toSeconds()
                    + " s and a good critique is accepted", () -> {
                long started = System.nanoTime();
                HttpResponse<Map<String, Object>> good = upload(bystander, 1, TestPdfs.goodCritique());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertEquals(201, good.code(), "after " + name);
                assertTrue(took.compareTo(BOUND) < 0, hung("after " + name + " a good upload", took));
                Duration busy = awaitInspectorIdle(Duration.ofSeconds(90));
                long idleAt = System.nanoTime();
                long effort = Duration.ofNanos(idleAt - startedAt[0]).toMillis();
                if (busy.toMillis() > 1_000) {
                    System.out.printf("HOSTILE %-62s the inspector worked on it %d ms in all, %d ms after the answer%n", name, effort,
                            Duration.ofNanos(idleAt - answeredAt[0]).toMillis());
                }
                assertTrue(busy.toMillis() <= 1_000 || effort < BOUND.toMillis(), hung(name + ": the inspector's work on it ("
                        + Duration.ofNanos(idleAt - answeredAt[0]).toMillis() + " ms after the answer)", Duration.ofMillis(effort)));
            });
            return DynamicContainer.dynamicContainer(name, Stream.of(refused, free));
        });
    }

    @Test
    @Order(2)
    void after_the_corpus_nothing_is_stored_and_the_server_still_works() {
        Api.Session s = student(2);
        List<Map<String, Object>> stored = s.list(CRITIQUES);
        assertTrue(stored.isEmpty(), () -> "nothing stored for the hostile uploads, but: " + stored.stream()
                .flatMap(c -> Api.listOf(c, "versions").stream()).map(v -> v.get("version") + ": " + v.get("sizeBytes")
                        + " bytes, " + v.get("pages") + " page(s), " + v.get("words") + " words").toList());
        assertTrue(client.toBlocking().retrieve("/health").contains("\"UP\""), "the server is up");
        long started = System.nanoTime();
        HttpResponse<Map<String, Object>> good = upload(s, 0, TestPdfs.goodCritique());
        assertEquals(201, good.code(), "a good critique is still accepted after the hostile ones");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, hung("a good critique after the hostile ones", took));
        assertEquals(1, s.list(CRITIQUES).size());
    }

    /**
     * Hostile but real one-page PDFs (a JavaScript OpenAction): accepted, stored byte for byte and served only as
     * an attachment of type application/pdf, so that nothing on the server or in the page interprets the script.
     * The server never runs PDF JavaScript (PDFBox has no engine for it); what can be checked is that the file
     * comes back unchanged and as a download, not rendered.
     */
    @Test
    @Order(3)
    void a_javascript_pdf_is_stored_as_bytes_and_served_only_as_a_download() {
        Api.Session s = student(3);
        for (Map.Entry<String, byte[]> entry : HostilePdfs.acceptable().entrySet()) {
            long started = System.nanoTime();
            HttpResponse<Map<String, Object>> response = upload(s, 1, entry.getValue());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("HOSTILE(acceptable) %-45s %d %6d ms%n", entry.getKey(), response.code(), took.toMillis());
            assertEquals(201, response.code(), entry.getKey());
            assertTrue(took.compareTo(BOUND) < 0, hung(entry.getKey(), took));
            String location = response.getHeaders().get("Location");
            assertNotNull(location);
            HttpResponse<byte[]> download = s.http().exchange(s.authorize(HttpRequest.GET(location))
                    .accept(MediaType.of("application/pdf")), byte[].class);
            assertArrayEquals(entry.getValue(), download.body(), "served exactly as uploaded");
            assertEquals("application/pdf", download.getContentType().map(MediaType::toString).orElse(""));
            String disposition = download.getHeaders().get("Content-Disposition");
            assertTrue(disposition != null && disposition.startsWith("attachment"), "a download, never rendered inline: " + disposition);
            assertFalse(response.body().toString().contains("pwned"), "the script is not echoed");
        }
    }

    /**
     * Two decompression bombs uploaded at once, and while the inspector works on them a student uploads a good
     * critique: it must be accepted within the bound, not refused because the inspector's pool is taken.
     */
    @Test
    @Order(4)
    void two_bombs_at_once_do_not_lock_other_students_out() throws Exception {
        awaitInspectorIdle(Duration.ofSeconds(90));
        byte[] bomb = HostilePdfs.corpus().get("FlateDecode bomb (4 MB inflating to 4 GB of zeros)");
        assertNotNull(bomb);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> bombs = new ArrayList<>();
            for (int n : new int[] {5, 6}) {
                Api.Session attacker = student(n);
                bombs.add(pool.submit(() -> {
                    try {
                        return upload(attacker, 0, bomb).code();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            // Both bombs have reached the inspector (their upload takes a moment) and are being inflated.
            long waiting = System.nanoTime();
            while (inspectorBusyThreads() < 2 && System.nanoTime() - waiting < BOUND.toNanos()) {
                Thread.sleep(20);
            }
            System.out.printf("HOSTILE two bombs at once: %d inspector thread(s) busy after %d ms%n", inspectorBusyThreads(),
                    Duration.ofNanos(System.nanoTime() - waiting).toMillis());
            Api.Session student = student(7);
            long started = System.nanoTime();
            int status;
            String body;
            try {
                HttpResponse<Map<String, Object>> r = upload(student, 0, TestPdfs.goodCritique());
                status = r.code();
                body = String.valueOf(r.body());
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
                body = e.getResponse().getBody(String.class).orElse("");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            List<Integer> bombStatuses = List.of(bombs.get(0).get(60, TimeUnit.SECONDS), bombs.get(1).get(60, TimeUnit.SECONDS));
            Duration busy = awaitInspectorIdle(Duration.ofSeconds(120));
            System.out.printf("HOSTILE two bombs at once: bombs %s; a good upload meanwhile %d in %d ms: %s; inspector busy %d ms more%n",
                    bombStatuses, status, took.toMillis(), abbreviate(body), busy.toMillis());
            assertTrue(bombStatuses.stream().allMatch(c -> c == 422), "the bombs are refused: " + bombStatuses);
            assertEquals(201, status, "a good critique uploaded while two bombs are checked: " + body);
            assertTrue(took.compareTo(BOUND) < 0, hung("a good critique uploaded while two bombs are checked", took));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The file is checked while the upload's other rules are read. When one of those refuses the upload, the check
     * already under way is waited for before the answer: the upload's share of the heap is given back only once the
     * parse no longer holds the file, and a refused upload leaves no work behind in the inspector's pool.
     */
    @Test
    @Order(5)
    void an_upload_refused_for_another_reason_leaves_no_check_running() throws Exception {
        awaitInspectorIdle(Duration.ofSeconds(90));
        byte[] bomb = HostilePdfs.corpus().get("FlateDecode bomb (4 MB inflating to 4 GB of zeros)");
        Api.Session s = student(8);
        MultipartBody body = MultipartBody.builder().addPart("sessionId", String.valueOf(session(0)))
                .addPart("paperId", "999999")
                .addPart("file", "critique.pdf", MediaType.of("application/pdf"), bomb).build();
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> s.http().exchange(
                s.authorize(HttpRequest.POST(CRITIQUES, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)), MAP));
        assertEquals(404, e.getStatus().getCode(), () -> e.getResponse().getBody(String.class).orElse(""));
        assertEquals(0, inspectorBusyThreads(), "no check of the refused file is still running when its answer arrives");
    }

    /** The message when {@link #BOUND} is passed: a hang, not a slow run. */
    private static String hung(String what, Duration took) {
        return what + " took " + took.toMillis() + " ms, past the " + BOUND.toSeconds()
                + " s guard against hanging (the inspector gives up after 10 s); not a performance figure";
    }

    /**
     * Waits until no PdfInspector worker (threads named "pdf-inspector", in this JVM since the server runs in the
     * test) is running; returns how long that took. A white-box probe: renaming the threads makes it see nothing.
     */
    private static Duration awaitInspectorIdle(Duration max) throws InterruptedException {
        long started = System.nanoTime();
        while (inspectorBusy()) {
            if (System.nanoTime() - started > max.toNanos()) {
                fail("the PDF inspector is still busy after " + max.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static boolean inspectorBusy() {
        return inspectorBusyThreads() > 0;
    }

    private static int inspectorBusyThreads() {
        int busy = 0;
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey().getName().equals("pdf-inspector") && t.getKey().getState() == Thread.State.RUNNABLE
                    && Arrays.stream(t.getValue()).noneMatch(f -> f.getMethodName().equals("getTask"))) {
                busy++;
            }
        }
        return busy;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    private static Throwable rootCause(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) {
            e = e.getCause();
        }
        return e;
    }
}
