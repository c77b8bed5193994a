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
        if (e instanceof UnsatisfiedPartRouteException part) {
            detail = "The upload form has no \"" + part.getPartName() + "\" field, and it needs one.";
        } else if (e instanceof UnsatisfiedQueryValueRouteException query) {
            detail = "The address has no \"" + query.getQueryParameterName() + "\" option, and it needs one.";
        } else if (e instanceof UnsatisfiedBodyRouteException) {
            detail = "The request has no body: send the JSON this address expects.";
        } else {
            detail = "The request lacks something this address needs (\"" + e.getArgument().getName() + "\").";
        }
        return Problems.response(HttpStatus.BAD_REQUEST, detail);
    }
}
