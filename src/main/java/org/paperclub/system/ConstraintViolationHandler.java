package org.paperclub.system;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Set;

/**
 * The database is the last guard of the rules (unique keys, foreign keys, checks): when two requests race past
 * the service's own checks, the loser lands here. SQL state class 23 (integrity constraint violation) is the
 * same on H2 and PostgreSQL; it means "someone else changed this meanwhile", a 409, never a 500 — except a failed
 * check constraint, which a race cannot cause: that is a value out of its range, a 422. SQL state class 22 (data
 * exception: too long, a byte the database refuses such as PostgreSQL's NUL, a number or date out of range) is
 * the value itself too: a 422 saying so, the safety net behind the app's own validation.
 * <p>
 * A transaction the database rolled back to break a deadlock or a serialization failure (40P01 on PostgreSQL,
 * 40001 on both; H2 reports its deadlocks as 40001) saved nothing and would succeed if sent again: a 409 that
 * says so. The locks are taken in one order (README, "Locks") so that this should not happen; it is answered
 * anyway, as a lock order broken by a later change must not become a 500.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class ConstraintViolationHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ConstraintViolationHandler.class);
    /** Check constraint violated: 23514 on PostgreSQL, 23513 on H2. */
    private static final Set<String> CHECK_FAILED = Set.of("23514", "23513");

    /** Serialization failure (H2's deadlock too) and PostgreSQL's deadlock: the transaction was rolled back whole. */
    static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && CHECK_FAILED.contains(sql.getSQLState())) {
                // A check constraint holds a value's own range, whoever else writes: no race, the value itself is bad.
                LOG.warn("A value passed the app's checks but not the database's on {} {}: {}", request.getMethod(),
                        request.getPath(), sql.getMessage());
                return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY,
                        "A value in this request is outside what Paperclub accepts, so nothing was saved. Check the numbers "
                                + "and dates and try again.");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                LOG.warn("A value passed the app's checks but the database cannot store it on {} {}: {}", request.getMethod(),
                        request.getPath(), sql.getMessage());
                return Problems.response(HttpStatus.UNPROCESSABLE_ENTITY, "A value in this request cannot be stored: "
                        + dataProblem(sql.getSQLState()) + ". Nothing was saved; correct it and try again.");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                LOG.info("Refused by a database constraint on {} {}: {}", request.getMethod(), request.getPath(), sql.getMessage());
                return Problems.response(HttpStatus.CONFLICT,
                        "This conflicts with a change made at the same moment by someone else. Reload and try again.");
            }
            if (t instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                LOG.warn("Rolled back by the database ({}) on {} {}: {}", sql.getSQLState(), request.getMethod(), request.getPath(),
                        sql.getMessage());
                return Problems.response(HttpStatus.CONFLICT,
                        "Someone else changed this at the same moment, and nothing was saved. Please try again.");
            }
        }
        LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side and nothing was saved. Please try again.");
    }

    private static String dataProblem(String state) {
        return switch (state) {
            case "22001" -> "a text is longer than its field holds";
            case "22021" -> "a text holds a character that cannot be stored, such as a NUL";
            case "22003" -> "a number is too large";
            case "22007", "22008" -> "a date or time is not a real one, or out of range";
            case "22P02", "22018" -> "a value is not of the kind its field holds";
            default -> "it is not a value its field can hold";
        };
    }
}
