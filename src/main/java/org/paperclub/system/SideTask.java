package org.paperclub.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Work handed to another thread while the caller does its own, which the caller does itself if no thread has taken it
 * up by the time it needs the result. So a caller never waits behind a queue: in a rush the pool's threads are all
 * busy, the task is still waiting, and the caller runs it (no slower than without the other thread). Whoever runs the
 * work must hold nothing another task waits for: a course read runs it in a transaction of its own, and the caller
 * holds no connection while it waits.
 */
public final class SideTask<T> {

    private final Supplier<T> work;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private SideTask(Supplier<T> work) {
        this.work = work;
    }

    /** Offers {@code work} to {@code threads} and returns at once. */
    public static <T> SideTask<T> start(Executor threads, Supplier<T> work) {
        SideTask<T> task = new SideTask<>(work);
        try {
            threads.execute(task::runUnlessTaken);
        } catch (RejectedExecutionException e) {
            // A pool shutting down: join() does the work.
        }
        return task;
    }

    /** The result: the work's, done here when no other thread has begun it; its exception when it failed. */
    public T join() {
        runUnlessTaken();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void runUnlessTaken() {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        try {
            result.complete(work.get());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
