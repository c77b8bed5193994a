package org.paperclub.system;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideTaskTest {

    @Test
    void a_free_thread_does_the_work_while_the_caller_does_its_own() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch begun = new CountDownLatch(1);
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            SideTask<String> task = SideTask.start(pool, () -> {
                ranOn.set(Thread.currentThread());
                begun.countDown();
                return "read";
            });
            assertTrue(begun.await(10, TimeUnit.SECONDS), "the pool's thread took the work up without being waited for");
            assertEquals("read", task.join());
            assertNotEquals(Thread.currentThread(), ranOn.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_every_thread_is_busy_the_caller_does_the_work_itself_instead_of_queueing_behind_them() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            AtomicInteger runs = new AtomicInteger();
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            SideTask<Integer> task = SideTask.start(pool, () -> {
                ranOn.set(Thread.currentThread());
                return runs.incrementAndGet();
            });
            assertEquals(1, task.join(), "answered while the pool's only thread is still busy");
            assertSame(Thread.currentThread(), ranOn.get());
            release.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertEquals(1, runs.get(), "the queued offer found the work taken and did not do it again");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void the_works_failure_reaches_the_caller_as_it_was_thrown() {
        IllegalStateException broken = new IllegalStateException("database gone");
        SideTask<Object> task = SideTask.start(Runnable::run, () -> {
            throw broken;
        });
        assertSame(broken, assertThrows(IllegalStateException.class, task::join));
    }

    @Test
    void a_pool_that_refuses_work_leaves_it_to_the_caller() {
        SideTask<String> task = SideTask.start(command -> {
            throw new RejectedExecutionException("shutting down");
        }, () -> "done here");
        assertEquals("done here", task.join());
    }

    @Test
    void work_the_caller_did_is_not_done_again_nor_held_by_the_offer_still_queued() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<Runnable> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<byte[]> made = new AtomicReference<>(new byte[1024]);
        java.lang.ref.WeakReference<byte[]> result = new java.lang.ref.WeakReference<>(made.get());
        SideTask<byte[]> task = SideTask.start(queue::add, () -> {
            runs.incrementAndGet();
            return made.getAndSet(null);
        });
        assertSame(result.get(), task.join());
        task = null;
        for (int i = 0; i < 50 && result.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(null, result.get(), "the queued offer no longer reaches the work's result");
        queue.take().run();
        assertEquals(1, runs.get());
    }

    @Test
    void abandoned_work_nobody_began_is_never_done() {
        java.util.concurrent.LinkedBlockingQueue<Runnable> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicInteger runs = new AtomicInteger();
        SideTask<Integer> task = SideTask.start(queue::add, runs::incrementAndGet);
        task.abandon();
        queue.forEach(Runnable::run);
        assertEquals(0, runs.get());
    }
}
