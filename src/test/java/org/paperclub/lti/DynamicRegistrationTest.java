package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.PeopleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * LTI Dynamic Registration 1.0 against a platform double: a site administrator makes a one-time link, the LMS opens
 * it with its openid-configuration URL and a registration token, and Paperclub registers itself there and stores the
 * platform with the client id and deployment it answered.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = DynamicRegistrationTest.ADMIN)
@Property(name = "paperclub.public-url", value = "https://paperclub.example.edu")
class DynamicRegistrationTest extends ApiTest {

    static final String ADMIN = "dyn-admin@example.edu";
    private static final String CONFIG = "/.well-known/openid-configuration";

    @Inject
    PeopleService people;

    @Inject
    Registrations registrations;

    private final TestPlatform platform = new TestPlatform();
    /** The issuer the platform's configuration claims (its own, unless a test makes it lie). */
    private final AtomicReference<String> claimedIssuer = new AtomicReference<>();
    private int clients;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void aPlatformThatSupportsDynamicRegistration() {
        people.createAccount(ADMIN, "Dana Dyn", people.hashPassword(Api.PASSWORD), false);
        platform.handle(CONFIG, ex -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("issuer", claimedIssuer.get() == null ? platform.issuer() : claimedIssuer.get());
            c.put("authorization_endpoint", platform.authLoginUrl());
            c.put("token_endpoint", platform.accessTokenUrl());
            c.put("jwks_uri", platform.jwksUrl());
            c.put("registration_endpoint", platform.url() + "/register");
            c.put("scopes_supported", List.of("openid"));
            c.put("response_types_supported", List.of("id_token"));
            c.put("id_token_signing_alg_values_supported", List.of("RS256"));
            c.put("https://purl.imsglobal.org/spec/lti-platform-configuration", Map.of("product_family_code", "moodle", "version", "4.5"));
            TestPlatform.respond(ex, 200, "application/json", JSONObjectUtils.toJSONString(c));
        });
        platform.handle("/register", ex -> {
            Map<String, Object> asked;
            try {
                asked = JSONObjectUtils.parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.text.ParseException e) {
                TestPlatform.respond(ex, 400, "text/plain", "not JSON");
                return;
            }
            Map<String, Object> answer = new LinkedHashMap<>(asked);
            answer.put("client_id", "dyn-client-" + (++clients));
            Map<String, Object> tool = new LinkedHashMap<>((Map<String, Object>) asked.get(DynamicRegistration.TOOL_CONFIGURATION));
            tool.put("deployment_id", "dyn-deployment-" + clients);
            answer.put(DynamicRegistration.TOOL_CONFIGURATION, tool);
            TestPlatform.respond(ex, 200, "application/json", JSONObjectUtils.toJSONString(answer));
        });
    }

    @AfterAll
    void closePlatform() {
        platform.close();
    }

    /** A new link's path on this site (the link itself names the public address). */
    private String newLink() {
        HttpResponse<Map<String, Object>> made = api().login(ADMIN).post("/api/lti/registration-links", Map.of());
        assertEquals(201, made.code());
        String url = (String) made.body().get("url");
        assertTrue(url.startsWith("https://paperclub.example.edu/lti/register/"), url);
        return URI.create(url).getPath();
    }

    /** The LMS opens the link in its frame, as LTI Dynamic Registration 1.0 says. */
    private HttpResponse<String> open(String path, String registrationToken) {
        String query = "?openid_configuration=" + URLEncoder.encode(platform.url() + CONFIG, StandardCharsets.UTF_8)
                + "&registration_token=" + registrationToken;
        return client.toBlocking().exchange(HttpRequest.GET(path + query), String.class);
    }

    private HttpClientResponseException refused(String path) {
        return assertThrows(HttpClientResponseException.class, () -> open(path, "tok"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_lms_opens_the_link_and_paperclub_registers_itself_and_stores_the_platform() throws Exception {
        int before = registrations.all().size();
        HttpResponse<String> page = open(newLink(), "platform-token-1");
        assertEquals(200, page.code());
        String html = page.body();
        assertTrue(html.contains("Paperclub is registered"), html);
        assertTrue(html.contains("<script src=\"/lti-close.js\""), "the page tells the LMS to close it");
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors *"), "the LMS may show it in its frame");
        assertNull(page.header("X-Frame-Options"));

        TestPlatform.Received post = platform.requests().stream().filter(r -> r.path().equals("/register")).reduce((a, b) -> b).orElseThrow();
        assertEquals("POST", post.method());
        assertEquals(List.of("Bearer platform-token-1"), post.headers().get("Authorization"));
        Map<String, Object> asked = JSONObjectUtils.parse(post.body());
        assertEquals("web", asked.get("application_type"));
        assertEquals(List.of("id_token"), asked.get("response_types"));
        assertEquals(List.of("implicit", "client_credentials"), asked.get("grant_types"));
        assertEquals("https://paperclub.example.edu/lti/login", asked.get("initiate_login_uri"));
        assertEquals(List.of("https://paperclub.example.edu/lti/launch"), asked.get("redirect_uris"));
        assertEquals("https://paperclub.example.edu/lti/jwks", asked.get("jwks_uri"));
        assertEquals("private_key_jwt", asked.get("token_endpoint_auth_method"));
        assertTrue(((String) asked.get("scope")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        assertTrue(((String) asked.get("scope")).contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        Map<String, Object> lti = (Map<String, Object>) asked.get(DynamicRegistration.TOOL_CONFIGURATION);
        assertEquals("paperclub.example.edu", lti.get("domain"));
        assertEquals("https://paperclub.example.edu/lti/launch", lti.get("target_link_uri"));
        assertTrue(((List<String>) lti.get("claims")).containsAll(List.of("sub", "email", "name")));
        assertEquals(List.of("LtiResourceLinkRequest", "LtiDeepLinkingRequest"),
                ((List<Map<String, Object>>) lti.get("messages")).stream().map(m -> m.get("type")).toList());

        assertEquals(before + 1, registrations.all().size());
        Registration stored = registrations.all().get(registrations.all().size() - 1);
        assertEquals(platform.issuer(), stored.issuer());
        assertTrue(stored.clientId().startsWith("dyn-client-"));
        assertEquals(platform.authLoginUrl(), stored.authLoginUrl());
        assertEquals(platform.accessTokenUrl(), stored.accessTokenUrl());
        assertEquals(platform.jwksUrl(), stored.jwksUrl());
        assertEquals(1, registrations.deploymentIds(stored.id()).size());
        assertTrue(registrations.deploymentIds(stored.id()).get(0).startsWith("dyn-deployment-"));
    }

    @Test
    void a_link_registers_once() {
        String link = newLink();
        assertEquals(200, open(link, "t").code());
        int after = registrations.all().size();
        HttpClientResponseException again = refused(link);
        assertEquals(403, again.getStatus().getCode());
        assertTrue(again.getResponse().getBody(String.class).orElse("").contains("This registration link is not valid"));
        assertEquals(after, registrations.all().size());
        assertEquals(403, refused("/lti/register/made-up-secret").getStatus().getCode());
    }

    @Test
    void a_configuration_whose_issuer_is_another_site_is_refused_and_nothing_is_registered() {
        String link = newLink();
        int before = registrations.all().size();
        long posts = platform.requests().stream().filter(r -> r.path().equals("/register")).count();
        claimedIssuer.set("https://lms.elsewhere.example");
        try {
            HttpClientResponseException e = refused(link);
            assertEquals(502, e.getStatus().getCode());
            String html = e.getResponse().getBody(String.class).orElse("");
            assertTrue(html.contains("is not the site its configuration came from"), html);
        } finally {
            claimedIssuer.set(null);
        }
        assertEquals(before, registrations.all().size());
        assertEquals(posts, platform.requests().stream().filter(r -> r.path().equals("/register")).count(),
                "Paperclub did not register itself with a platform it does not trust");
        // The link was not spent: the administrator can try again once the LMS is right.
        assertEquals(200, open(link, "t").code());
    }

    @Test
    void only_a_site_administrator_makes_registration_links() {
        assertEquals("Only a site administrator can make a registration link.",
                problem(403, () -> instructor().post("/api/lti/registration-links", Map.of())).get("detail"));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.POST("/api/lti/registration-links", Map.of())));
    }
}
