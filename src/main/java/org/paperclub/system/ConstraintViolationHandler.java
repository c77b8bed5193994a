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

/**
 * The database is the last guard of the rules (unique keys, foreign keys, checks): when two requests race past
 * the service's own checks, the loser lands here. SQL state class 23 (integrity constraint violation) is the
 * same on H2 and PostgreSQL; it means "someone else changed this meanwhile", a 409, never a 500.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class ConstraintViolationHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(ConstraintViolationHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                LOG.info("Refused by a database constraint on {} {}: {}", request.getMethod(), request.getPath(), sql.getMessage());
                return Problems.response(HttpStatus.CONFLICT,
                        "This conflicts with a change made at the same moment by someone else. Reload and try again.");
            }
        }
        LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), e);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side and nothing was saved. Please try again.");
    }
}
