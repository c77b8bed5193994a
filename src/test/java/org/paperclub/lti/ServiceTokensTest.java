package org.paperclub.lti;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service tokens from a platform's token endpoint: the signed assertion it verifies, the cache, renewal, refusals. */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class ServiceTokensTest extends ApiTest {

    private static final List<String> ROSTER = List.of(TestPlatform.SCOPE_NRPS);

    @Inject
    ServiceTokens tokens;
    @Inject
    PlatformHttp http;
    @Inject
    LinkedCourse linking;
    @Inject
    Registrations registrations;

    private TestPlatform platform;
    private Registration registration;

    @BeforeAll
    void aRegisteredPlatform() {
        platform = new TestPlatform().serveServices(linking.toolJwksUrl());
        registration = linking.register(platform);
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    /** Each test asks for its own scopes, so that what another test cached is not its token. */
    private static List<String> scopes(String... more) {
        return java.util.stream.Stream.concat(ROSTER.stream(), java.util.Arrays.stream(more)).toList();
    }

    @Test
    void a_token_is_requested_once_with_an_assertion_the_platform_verifies_against_the_tools_keys_and_then_cached() {
        int before = platform.tokensIssued();
        String first = tokens.token(registration, scopes("cache-1"));
        String second = tokens.token(registration, scopes("cache-1"));

        assertEquals(first, second, "the cached token is used again");
        assertEquals(before + 1, platform.tokensIssued(), "one request to the token endpoint");
        assertEquals(List.of(), platform.tokenRefusals(), "the assertion verified: signature, iss = sub = client id, aud, exp, jti");
        TestPlatform.Received request = platform.requests().stream().filter(r -> r.path().equals("/token")).reduce((a, b) -> b).orElseThrow();
        assertTrue(request.body().contains("grant_type=client_credentials"), request.body());
        assertTrue(request.body().contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"),
                request.body());
    }

    @Test
    void a_token_is_renewed_once_it_has_expired() {
        clock.set(Instant.now());
        platform.tokenLifetime(3600);
        String first = tokens.token(registration, scopes("renew"));
        int issued = platform.tokensIssued();
        clock.advance(Duration.ofMinutes(50));
        assertEquals(first, tokens.token(registration, scopes("renew")), "still good 50 minutes into an hour");
        clock.advance(Duration.ofMinutes(10));
        String renewed = tokens.token(registration, scopes("renew"));

        assertNotEquals(first, renewed);
        assertEquals(issued + 1, platform.tokensIssued());
    }

    @Test
    void a_token_the_platform_no_longer_takes_is_dropped_and_the_call_made_once_more_with_a_new_one() {
        platform.roster("tokens", List.of(TestPlatform.member("u1", "Ada", "ada@example.edu", "Active", TestPlatform.LEARNER)), 10);
        tokens.token(registration, ROSTER);
        platform.revokeTokens();
        int issued = platform.tokensIssued();

        PlatformHttp.Answer a = http.call(tokens, registration, ROSTER, bearer -> HttpRequest.newBuilder(URI.create(platform.membershipsUrl("tokens")))
                .header("Accept", TestPlatform.NRPS_MEDIA_TYPE).header("Authorization", bearer).GET().build());

        assertEquals(200, a.status(), a.body());
        assertEquals(issued + 1, platform.tokensIssued());
    }

    @Test
    void a_token_is_not_used_again_once_an_administrator_has_changed_the_platforms_settings() {
        clock.set(Instant.now());
        String first = tokens.token(registration, scopes("changed"));
        int issued = platform.tokensIssued();
        clock.advance(Duration.ofSeconds(5));
        registrations.update(registration.id(), new Registrations.RegistrationCommand("Test LMS (renamed)", registration.issuer(),
                registration.clientId(), List.of(platform.deploymentId), registration.authLoginUrl(), registration.accessTokenUrl(),
                registration.jwksUrl()));
        Registration changed = registrations.find(registration.id()).orElseThrow();

        String second = tokens.token(changed, scopes("changed"));

        assertNotEquals(first, second, "the token of the old settings is not sent");
        assertEquals(issued + 1, platform.tokensIssued());
    }

    @Test
    void a_refused_token_request_says_what_the_platform_answered() {
        platform.refuseTokens("invalid_client");
        try {
            LtiServiceException e = assertThrows(LtiServiceException.class, () -> tokens.token(registration, scopes("refused")));
            assertTrue(e.getMessage().startsWith("Test LMS refused Paperclub a service token: invalid_client"), e.getMessage());
            assertTrue(e.getMessage().contains("/lti/jwks"), "says what to check: " + e.getMessage());
        } finally {
            platform.refuseTokens(null);
        }
    }
}
