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

    public static MutableHttpResponse<Problem> response(HttpStatus status, String detail, List<Problem.Violation> errors) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                errors.isEmpty() ? null : errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
    }
}
