package org.paperclub.course;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperclub.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two instances started at the same moment on an empty database (two replicas of a new deployment) both find no
 * course and both load the demo: one of them wins, and the other must start all the same, on the demo the first
 * one loaded, not stop with a duplicate key.
 */
class DemoOnTwoInstancesTest {

    private final Map<String, String> database = TestDatabase.fresh();
    private final List<ApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ApplicationContext::close);
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    @Test
    void two_instances_started_together_on_an_empty_database_both_start_and_the_demo_is_there_once() throws Exception {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("micronaut.server.port", -1);
        settings.put("paperclub.password.bcrypt-cost", 4);
        settings.put("paperclub.demo.activity", false);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApplicationContext>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(two.submit(() -> {
                    go.await();
                    return ApplicationContext.run(settings);
                }));
            }
            go.countDown();
            for (Future<ApplicationContext> start : starts) {
                started.add(start.get(120, TimeUnit.SECONDS));   // throws when an instance failed to start
            }
        } finally {
            two.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(database.get("paperclub.database.url"),
                database.get("paperclub.database.user"), "");
             ResultSet r = c.createStatement().executeQuery(
                     "select count(*), count(distinct code) from course")) {
            r.next();
            assertEquals(r.getInt(2), r.getInt(1), "each demo course once");
        }
        try (Connection c = DriverManager.getConnection(database.get("paperclub.database.url"),
                database.get("paperclub.database.user"), "");
             ResultSet r = c.createStatement().executeQuery(
                     "select count(*) from app_user where email = 'instructor@example.edu'")) {
            r.next();
            assertEquals(1, r.getInt(1), "one demo instructor");
        }
    }
}
