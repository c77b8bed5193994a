package org.paperclub.system;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * Every broken rule of a request ({@link ProblemException}: a full role, a late critique, a missing course) is
 * answered here, by one global error route. Micronaut looks for an error route first, in a short list; without one
 * it looks for the exception's handler among all of the application's ~900 bean definitions, on every error, as its
 * cache cannot hold that lookup. In a sign-up rush, whose 440 "full" answers of 500 are 409s, that lookup was a fifth
 * of the server's CPU (src/bench/README.md). {@link ProblemExceptionHandler} still answers where this route does not
 * apply (a request that accepts neither JSON nor problem+json, such as a CSV download's), in the same words.
 * <p>
 * Not an endpoint: an error route has no address of its own; who may call what was decided before the rule broke.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ProblemErrors {

    @Error(global = true, exception = ProblemException.class)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    HttpResponse<Problem> problem(ProblemException e) {
        return Problems.response(e);
    }
}
