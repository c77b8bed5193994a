package org.paperclub.system;

import io.micronaut.core.propagation.PropagatedContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Work offered to another thread while the caller does its own, and done by the caller itself if no thread has taken
 * it up by the time it needs the result. So a caller never waits behind a queue: in a rush every thread of the pool is
 * busy, the offer waits, and the caller does the work (no slower than without the other thread).
 *
 * <p>On another thread the work runs without the caller's propagated context: Micronaut's executors carry the caller's
 * context over, connection and transaction included, and a JDBC connection must never be used by two threads. Work
 * that needs a connection opens its own; whoever waits for it ({@link #join}) must not hold a connection the work could
 * be waiting for (GradeReport.course reads in transactions that end before it joins).
 */
public final class SideTask<T> {

    /** The work until someone takes it; then null, so that nothing it holds outlives it. */
    private final AtomicReference<Supplier<T>> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    /**
     * What the pool's queue holds: a reference to this task, cleared when the caller takes the work. A busy pool may
     * keep the offer queued long after the answer went out; it then holds nothing of the work or its result.
     */
    private final AtomicReference<SideTask<T>> offer = new AtomicReference<>();

    private SideTask(Supplier<T> work) {
        this.work = new AtomicReference<>(work);
    }

    /** Offers {@code work} to {@code threads} and returns at once. */
    public static <T> SideTask<T> start(Executor threads, Supplier<T> work) {
        SideTask<T> task = new SideTask<>(work);
        task.offer.set(task);
        AtomicReference<SideTask<T>> offer = task.offer;
        try {
            threads.execute(() -> {
                SideTask<T> taken = offer.getAndSet(null);
                if (taken != null) {
                    try (PropagatedContext.Scope ignored = PropagatedContext.empty().propagate()) {
                        taken.runUnlessTaken();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // A pool shutting down: join() does the work.
        }
        return task;
    }

    /** The result: the work's, done here when no other thread has begun it; its exception when it failed. */
    public T join() {
        offer.set(null);
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

    /** Gives the work up if no thread has begun it (the caller failed and will not join); work under way runs on. */
    public void abandon() {
        offer.set(null);
        if (work.getAndSet(null) != null) {
            result.cancel(false);
        }
    }

    private void runUnlessTaken() {
        Supplier<T> mine = work.getAndSet(null);
        if (mine == null) {
            return;
        }
        try {
            result.complete(mine.get());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }
}
