package org.paperclub.system;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** A value the database's own checks refuse is bad input (422), not a clash with someone else's change (409). */
@MicronautTest
class DatabaseRefusalTest extends ApiTest {

    @Test
    void a_check_constraint_failure_is_a_422_saying_a_value_is_out_of_range() throws Exception {
        // A check the app's validation does not know about: the last guard, as a newer schema could add.
        try (var db = jdbc(); var alter = db.createStatement()) {
            alter.execute("alter table paper add constraint ck_test_paper_year check (pub_year is null or pub_year <= 2100)");
        }
        Api.Session ta = ta();
        int before = ta.list("/api/courses/1/papers").size();
        Map<String, Object> p = problem(422, () -> ta.post("/api/courses/1/papers",
                Map.of("title", "Attention in the next century", "year", 2150)));
        String detail = (String) p.get("detail");
        assertFalse(detail.contains("same moment"), detail);
        assertTrue(detail.contains("outside what Paperclub accepts"), detail);
        assertEquals(before, ta.list("/api/courses/1/papers").size(), "nothing was stored");
    }
}
