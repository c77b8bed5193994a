package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The summary and the gradebook export read a course on three connections at once, and make a large course's lines on
 * two threads. A crowd of staff opening them together on a pool of three connections must neither wait for a
 * connection that never comes (a thread holding one while it waits for another) nor get a different answer.
 */
@MicronautTest
class SummaryConnectionsTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        // Three connections, and a short wait for one: a reader that held its connection while waiting for the
        // other reads would leave them none, and its request would fail after 5 s instead of answering.
        return Map.of("paperclub.demo.activity", "true",
                "datasources.default.maximum-pool-size", "3",
                "datasources.default.connection-timeout", "5000",
                "paperclub.grading.lines-shared-from", "3");
    }

    @Test
    void forty_staff_opening_the_summary_and_the_export_at_once_on_three_connections_all_get_the_one_answer() throws Exception {
        Api.Session staff = instructor();
        String summaryPath = "/api/courses/1/grades/summary";
        String exportPath = "/api/courses/1/gradebook.csv?drafts=true";
        String summary = staff.text(summaryPath);
        String export = Api.csv(staff, exportPath);
        Set<String> summaries = ConcurrentHashMap.newKeySet();
        Set<String> exports = ConcurrentHashMap.newKeySet();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(i % 2 == 0 ? () -> {
                summaries.add(staff.text(summaryPath));
                return 200;
            } : () -> {
                exports.add(Api.csv(staff, exportPath));
                return 200;
            });
        }
        List<Integer> codes = Race.run(calls, 40);
        assertEquals(List.of(200), codes.stream().distinct().toList(), "every request answered: " + codes);
        assertEquals(Set.of(summary), summaries, "every summary the same as one read alone");
        assertEquals(Set.of(export), exports, "every export the same as one read alone");
    }
}
