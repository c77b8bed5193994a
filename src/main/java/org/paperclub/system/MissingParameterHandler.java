package org.paperclub.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedPartRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedQueryValueRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A value the address needs and the request does not give (an upload form without its "sessionId", a POST without
 * a body): Micronaut says "Required Part [sessionId] not specified"; this says it in words, as
 * {@link UnreadableParameterHandler} does for a value of the wrong kind.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
@Replaces(UnsatisfiedRouteHandler.class)
class MissingParameterHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, UnsatisfiedRouteException e) {
        String detail;
        String field;
        if (e instanceof UnsatisfiedPartRouteException part) {
            field = part.getPartName();
            detail = "The upload form has no \"" + field + "\" field, and it needs one.";
        } else if (e instanceof UnsatisfiedQueryValueRouteException query) {
            field = query.getQueryParameterName();
            detail = "The address has no \"" + field + "\" option, and it needs one.";
        } else if (e instanceof UnsatisfiedBodyRouteException) {
            return Problems.response(HttpStatus.BAD_REQUEST, "The request has no body: send the JSON this address expects.");
        } else {
            field = e.getArgument().getName();
            detail = "The request lacks something this address needs (\"" + field + "\").";
        }
        // errors[] names the field as every other 400 does, for a script (and the page) that marks the field.
        return Problems.response(HttpStatus.BAD_REQUEST, detail, List.of(new Problem.Violation(field, "is missing")));
    }
}
