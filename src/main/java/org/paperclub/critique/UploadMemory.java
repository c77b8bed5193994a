package org.paperclub.critique;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many uploaded bytes may be in the heap at once. An upload waits on disk (the multipart threshold) until its
 * controller reads it; from then until it is stored it holds its bytes, a copy or two, and PDFBox's parse. 24
 * parallel 5 MB uploads would need far more than the recommended 128 MB heap, so each upload first takes a share of a
 * budget of a third of the heap, in proportion to its size; the rest wait their turn on disk, and one that waits
 * longer than {@link #WAIT_SECONDS} is answered 503 with {@code Retry-After}, having stored nothing
 * (SmallHeapBurstTest).
 */
@Singleton
class UploadMemory {

    /**
     * The heap an upload costs per byte of its file, at its peak: its bytes, the JDBC driver's copy, H2's LOB pages
     * and the buffer H2 serializes them into at the commit (SmallHeapBurstTest ran out of memory at 2).
     */
    static final int COST_PER_BYTE = 4;
    static final long WAIT_SECONDS = 20;
    static final int RETRY_AFTER_SECONDS = 60;

    private final int budgetKb;
    private final Semaphore budget;
    private final long waitMillis;

    @Inject
    UploadMemory() {
        this(Runtime.getRuntime().maxMemory() / 3, WAIT_SECONDS * 1000);
    }

    UploadMemory(long budgetBytes, long waitMillis) {
        this.budgetKb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / 1024));
        this.budget = new Semaphore(budgetKb, true);
        this.waitMillis = waitMillis;
    }

    /** Runs the work once the upload's share of the budget is free (a file larger than the budget runs alone). */
    <T> T within(long fileBytes, Supplier<T> work) {
        int kb = (int) Math.max(1, Math.min(budgetKb, fileBytes / 1024 * COST_PER_BYTE));
        try {
            if (!budget.tryAcquire(kb, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            budget.release(kb);
        }
    }

    /** 503: too many large files are being checked at once; nothing was stored. */
    static final class Busy extends ProblemException {
        Busy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "Many critiques are being checked right now; please try again in a minute. "
                    + "Your file was not stored yet.");
        }

        @Override
        public long retryAfterSeconds() {
            return RETRY_AFTER_SECONDS;
        }
    }

}
