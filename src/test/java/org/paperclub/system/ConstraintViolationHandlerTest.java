package org.paperclub.system;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each database refusal is answered with; the races that cause them are in the concurrency tests. */
class ConstraintViolationHandlerTest {

    private final ConstraintViolationHandler handler = new ConstraintViolationHandler();

    private HttpResponse<Problem> answer(String sqlState) {
        SQLException sql = new SQLException("refused", sqlState);
        return handler.handle(HttpRequest.PUT("/api/courses/1/grades", ""), new DataAccessException("Error executing SQL Query", sql));
    }

    @Test
    void a_deadlock_on_postgresql_is_a_409_that_says_to_try_again() {
        HttpResponse<Problem> r = answer("40P01");
        assertEquals(409, r.getStatus().getCode());
        assertTrue(r.body().detail().contains("nothing was saved. Please try again"), r.body().detail());
    }

    @Test
    void a_serialization_failure_or_an_h2_deadlock_is_a_409_that_says_to_try_again() {
        HttpResponse<Problem> r = answer("40001");
        assertEquals(409, r.getStatus().getCode());
        assertTrue(r.body().detail().contains("Please try again"), r.body().detail());
    }

    @Test
    void a_constraint_violation_is_still_a_409_and_anything_else_a_500() {
        assertEquals(409, answer("23505").getStatus().getCode());
        assertEquals(500, answer("08006").getStatus().getCode());
    }
}
