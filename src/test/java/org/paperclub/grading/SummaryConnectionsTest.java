package org.paperclub.grading;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary and the gradebook export read a course on three connections (its grades and its critiques on two other
 * threads), and make a large course's lines on two threads. The pool here has two connections (the fewest Paperclub
 * starts with: migrating holds one while Flyway uses another); two readers that each kept a connection while they
 * waited for their other reads would leave none for those, and fail after the 5 s wait for a connection. Staff opening
 * the two one after another, and a crowd of staff at once, must each get the one answer.
 */
@MicronautTest
class SummaryConnectionsTest extends ApiTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("paperclub.demo.activity", "true",
                "datasources.default.maximum-pool-size", "2",
                "datasources.default.connection-timeout", "5000",
                "paperclub.grading.lines-shared-from", "3");
    }

    private static final String SUMMARY = "/api/courses/1/grades/summary";
    private static final String EXPORT = "/api/courses/1/gradebook.csv?drafts=true";

    @Test
    void on_two_connections_staff_opening_the_summary_and_the_export_one_after_another_get_them() {
        clock.set(Instant.now());   // no session begins between two reads
        Api.Session staff = instructor();
        String summary = staff.text(SUMMARY);
        String export = Api.csv(staff, EXPORT);
        for (int i = 0; i < 5; i++) {
            assertEquals(summary, staff.text(SUMMARY));
            assertEquals(export, Api.csv(staff, EXPORT));
        }
        assertTrue(Api.listOf(staff.get(SUMMARY), "students").size() >= 3, "enough students for the lines' two threads");
    }

    @Test
    void on_two_connections_forty_staff_opening_them_at_once_all_get_the_one_answer() throws Exception {
        clock.set(Instant.now());
        Api.Session staff = instructor();
        String summary = staff.text(SUMMARY);
        String export = Api.csv(staff, EXPORT);
        Set<String> summaries = ConcurrentHashMap.newKeySet();
        Set<String> exports = ConcurrentHashMap.newKeySet();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(i % 2 == 0 ? () -> {
                summaries.add(staff.text(SUMMARY));
                return 200;
            } : () -> {
                exports.add(Api.csv(staff, EXPORT));
                return 200;
            });
        }
        List<Integer> codes = Race.run(calls, 40);
        assertEquals(List.of(200), codes.stream().distinct().toList(), "every request answered: " + codes);
        assertEquals(Set.of(summary), summaries, "every summary the same as one read alone");
        assertEquals(Set.of(export), exports, "every export the same as one read alone");
    }
}
