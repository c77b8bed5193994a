package org.paperclub.system;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A request that breaks a rule. Thrown by services with the sentence to show the user; turned into a
 * problem+json response by {@link ProblemErrors} (or {@link ProblemExceptionHandler}). Throwing it rolls back the
 * transaction, so nothing is half-written.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<Problem.Violation> violations;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(HttpStatus status, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** When to try again, in seconds, sent as {@code Retry-After} (a 429 or a 503); 0 when trying again will not help. */
    public long retryAfterSeconds() {
        return 0;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ProblemException invalid(String detail, List<Problem.Violation> violations) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, detail, violations);
    }
}
