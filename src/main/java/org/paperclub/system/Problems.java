package org.paperclub.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;

/** Builds problem+json responses, so that every error path of the API looks the same. */
public final class Problems {

    private Problems() {
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail) {
        return response(status, detail, List.of());
    }

    /** The answer to a broken rule: its status and sentence, its violations, and {@code Retry-After} when it has one. */
    public static MutableHttpResponse<Problem> response(ProblemException e) {
        MutableHttpResponse<Problem> response = response(e.status(), e.getMessage(), e.violations());
        return e.retryAfterSeconds() > 0 ? response.header("Retry-After", String.valueOf(e.retryAfterSeconds())) : response;
    }

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<Problem.Violation> errors) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                errors.isEmpty() ? null : errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
