package org.paperclub.lti;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.paperclub.people.Identities;
import org.paperclub.support.TestPlatform;

import java.time.Instant;
import java.util.List;

/**
 * Links a Paperclub course to a context of a {@link TestPlatform} as a launch would have: the platform registered with
 * its deployment, the context with its roster and grade endpoints and scopes, and people's identities on it.
 */
@Singleton
class LinkedCourse {

    static final String AGS_SCOPES = TestPlatform.SCOPE_LINEITEM + " https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly "
            + TestPlatform.SCOPE_SCORE;

    private final RegistrationRepository registrations;
    private final DeploymentRepository deployments;
    private final LtiContextRepository contexts;
    private final Identities identities;
    private final EmbeddedServer server;

    LinkedCourse(RegistrationRepository registrations, DeploymentRepository deployments, LtiContextRepository contexts,
                 Identities identities, EmbeddedServer server) {
        this.registrations = registrations;
        this.deployments = deployments;
        this.contexts = contexts;
        this.identities = identities;
        this.server = server;
    }

    /** The tool's key set (/lti/jwks), where the platform double fetches the keys to verify client assertions. */
    String toolJwksUrl() {
        return server.getURL() + "/lti/jwks";
    }

    Registration register(TestPlatform p) {
        Instant now = Instant.now();
        Registration r = registrations.save(new Registration(null, "Test LMS", p.issuer(), p.clientId, p.authLoginUrl(),
                p.accessTokenUrl(), p.jwksUrl(), now, now));
        deployments.save(new Deployment(null, r.id(), p.deploymentId));
        return r;
    }

    LtiContext link(TestPlatform p, Registration r, String contextId, long courseId) {
        Instant now = Instant.now();
        return contexts.save(new LtiContext(null, r.id(), p.deploymentId, contextId, courseId, "Course " + contextId,
                contextId.toUpperCase(), p.membershipsUrl(contextId), p.lineItemsUrl(contextId), AGS_SCOPES, now, now));
    }

    /** The person of {@code email} as the platform knows them (as after their first launch). */
    long identity(TestPlatform p, String subject, String email) {
        return identities.resolve(p.issuer(), subject, email, true, null).id();
    }

    static List<String> roles(String... r) {
        return List.of(r);
    }
}
