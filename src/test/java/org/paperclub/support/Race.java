package org.paperclub.support;

import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Real parallel requests for the concurrency tests: every call released at the same moment. */
public final class Race {

    private Race() {
    }

    /** Runs the calls from {@code threads} threads at once; a refused call yields its HTTP status code. */
    public static List<Integer> run(List<Callable<Integer>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return call.call();
                    } catch (HttpClientResponseException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : futures) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
