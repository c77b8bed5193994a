package org.paperclub.critique;

import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upload memory budget: large files take turns, a file that waits too long is told to try again, nothing leaks. */
class UploadMemoryTest {

    private static final long MB = 1024 * 1024;

    @Test
    void an_upload_that_waits_too_long_for_memory_another_holds_is_answered_503_and_nothing_runs() throws Exception {
        UploadMemory memory = new UploadMemory(20 * MB, 200);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = pool.submit(() -> memory.within(5 * MB, () -> {
                holding.countDown();
                await(release);
                return "stored";
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            boolean[] ran = {false};
            UploadMemory.Busy busy = assertThrows(UploadMemory.Busy.class, () -> memory.within(5 * MB, () -> ran[0] = true));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, busy.status());
            assertTrue(busy.getMessage().startsWith("Many critiques are being checked right now; please try again in a minute."));
            assertEquals("60", org.paperclub.system.Problems.response(busy).getHeaders().get("Retry-After"), "a script knows when to try again");
            assertEquals(false, ran[0], "the refused upload did nothing");
            release.countDown();
            assertEquals("stored", first.get(10, TimeUnit.SECONDS));
            assertEquals("next", memory.within(5 * MB, () -> "next"), "the budget is free again once the first upload ends");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void small_files_share_the_budget_and_a_file_larger_than_the_budget_still_runs_alone() {
        UploadMemory memory = new UploadMemory(20 * MB, 200);
        String nested = memory.within(1 * MB, () -> memory.within(1 * MB, () -> "two small files at once"));
        assertEquals("two small files at once", nested);
        assertEquals("alone", memory.within(50 * MB, () -> "alone"));
    }

    @Test
    void the_budget_is_given_back_when_the_upload_fails() {
        UploadMemory memory = new UploadMemory(20 * MB, 200);
        assertThrows(IllegalStateException.class, () -> memory.within(5 * MB, () -> {
            throw new IllegalStateException("refused");
        }));
        assertEquals("stored", memory.within(5 * MB, () -> "stored"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
