package org.paperclub.lti;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The tool's public keys for the test platform to verify client assertions with, until the app's own {@code /lti/jwks}
 * (built elsewhere) is merged: the same {@link ToolKeys#publicKeys()}, at a test-only path.
 */
@Requires(env = "test")
@Controller("/test-only/lti/jwks")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class TestToolJwks {

    static final String PATH = "/test-only/lti/jwks";

    private final ToolKeys keys;

    TestToolJwks(ToolKeys keys) {
        this.keys = keys;
    }

    @Get
    @Produces(MediaType.APPLICATION_JSON)
    String jwks() {
        return keys.publicKeys().toString(true);
    }
}
