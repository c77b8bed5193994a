package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.PeopleService;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * The tool's keys as platforms meet them: published at /lti/jwks before they sign, verifying what they signed until
 * retired, read from the database so that every instance publishes the same set; and the documents an LMS
 * administrator pastes (the Canvas JSON, the URLs for any LMS), built from the site's public address.
 */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
@Property(name = "paperclub.admin-emails", value = ToolKeysTest.ADMIN)
@Property(name = "paperclub.public-url", value = "https://paperclub.example.edu/")
class ToolKeysTest extends ApiTest {

    static final String ADMIN = "keeper@example.edu";
    private static final String SITE = "https://paperclub.example.edu";

    @Inject
    PeopleService people;

    @Inject
    ToolKeys toolKeys;

    @BeforeAll
    void anAdministratorNamedByTheEnvironment() {
        people.createAccount(ADMIN, "Kim Keeper", people.hashPassword(Api.PASSWORD), false);
    }

    private Api.Session admin() {
        return api().login(ADMIN);
    }

    /** The published key set as a platform fetches it: anonymously. */
    private JWKSet published() {
        try {
            return JWKSet.parse(client.toBlocking().retrieve("/lti/jwks"));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static String signed(RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer("paperclub").subject("assertion").build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether a platform holding the published set verifies this JWT (by its kid, as platforms look keys up). */
    private boolean verifies(String jwt) {
        try {
            SignedJWT parsed = SignedJWT.parse(jwt);
            RSAKey key = (RSAKey) published().getKeyByKeyId(parsed.getHeader().getKeyID());
            return key != null && parsed.verify(new RSASSAVerifier(key));
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> publishedKids() {
        return published().getKeys().stream().map(k -> k.getKeyID()).toList();
    }

    @Test
    void the_jwks_publishes_public_keys_that_verify_what_the_signing_key_signs() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/lti/jwks"), String.class);
        assertEquals("application/json", response.getContentType().orElseThrow().toString());
        assertEquals("public, max-age=300", response.header("Cache-Control"));
        JWKSet set = published();
        assertFalse(set.getKeys().isEmpty());
        set.getKeys().forEach(k -> {
            assertFalse(k.isPrivate(), "only public parts are published");
            assertEquals(JWSAlgorithm.RS256, k.getAlgorithm());
            assertEquals(KeyUse.SIGNATURE, k.getKeyUse());
            assertTrue(k.getKeyID() != null && !k.getKeyID().isBlank());
        });
        assertTrue(verifies(signed(toolKeys.signingKey())));
    }

    @Test
    void a_new_key_is_published_an_hour_before_it_signs_and_the_old_one_verifies_until_retired() {
        clock.freeze();
        RSAKey old = toolKeys.signingKey();
        String oldJwt = signed(old);

        Map<String, Object> added = admin().post("/api/lti/keys", Map.of()).body();
        String kid = (String) added.get("kid");
        assertEquals(false, added.get("signing"));
        assertEquals(Duration.ofHours(1), Duration.between(Instant.parse((String) added.get("createdAt")),
                Instant.parse((String) added.get("activeFrom"))));
        assertTrue(publishedKids().contains(kid), "published at once, before it signs");
        assertEquals(old.getKeyID(), toolKeys.signingKey().getKeyID(), "the old key still signs for now");

        clock.advance(Duration.ofMinutes(61));
        assertEquals(kid, toolKeys.signingKey().getKeyID(), "after the hour the new key signs");
        assertTrue(verifies(oldJwt), "what the old key signed still verifies");
        assertTrue(verifies(signed(toolKeys.signingKey())));
        Api.Session admin = admin();
        assertEquals(List.of(kid), admin.list("/api/lti/keys").stream().filter(k -> Boolean.TRUE.equals(k.get("signing")))
                .map(k -> k.get("kid")).toList());

        assertEquals(204, admin.delete("/api/lti/keys/" + old.getKeyID()).code());
        assertFalse(publishedKids().contains(old.getKeyID()));
        assertFalse(verifies(oldJwt), "a retired key's signatures no longer verify");
    }

    @Test
    void a_key_may_sign_at_once_and_the_only_signing_key_cannot_be_retired() {
        Api.Session admin = admin();
        Map<String, Object> now = admin.post("/api/lti/keys", Map.of("signsAfterMinutes", 0)).body();
        String kid = (String) now.get("kid");
        assertEquals(true, now.get("signing"));
        assertEquals(kid, toolKeys.signingKey().getKeyID());
        // Every other key can go, since this one signs; then this one is the only signer and must stay.
        admin.list("/api/lti/keys").stream().map(k -> (String) k.get("kid")).filter(k -> !k.equals(kid))
                .forEach(k -> assertEquals(204, admin.delete("/api/lti/keys/" + k).code()));
        Map<String, Object> p = problem(409, () -> admin.delete("/api/lti/keys/" + kid));
        assertEquals("Key " + kid + " is the only key that signs now, so it cannot be retired. Add a key, wait until it "
                + "signs (platforms fetch it meanwhile), then retire this one.", p.get("detail"));
        assertEquals(List.of(kid), publishedKids());
        // A key that does not sign yet may be withdrawn: the signer stays.
        String next = (String) admin.post("/api/lti/keys", Map.of("signsAfterMinutes", 30)).body().get("kid");
        assertEquals(204, admin.delete("/api/lti/keys/" + next).code());
        assertEquals(kid, toolKeys.signingKey().getKeyID());
        assertEquals("There is no published tool key " + next + ".", problem(404, () -> admin.delete("/api/lti/keys/" + next)).get("detail"));
    }

    @Test
    void a_delay_out_of_range_is_refused_with_its_range() {
        Map<String, Object> p = problem(400, () -> admin().post("/api/lti/keys", Map.of("signsAfterMinutes", -5)));
        assertEquals("signsAfterMinutes must be between 0 and 10080 (a week); it was -5.", p.get("detail"));
    }

    @Test
    void a_key_another_instance_adds_is_published_here_at_the_next_request() throws Exception {
        // Another instance on the same database rotates: this one keeps no copy of the set that would hide the key.
        RSAKey other = new RSAKeyGenerator(2048).keyID("other-instance-key").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        published();
        try (var c = jdbc(); PreparedStatement insert = c.prepareStatement("insert into lti_tool_key "
                + "(kid, private_key, public_jwk, created_at, active_from) values (?, ?, ?, ?, ?)")) {
            Timestamp inAnHour = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
            insert.setString(1, other.getKeyID());
            insert.setString(2, Base64.getEncoder().encodeToString(other.toRSAPrivateKey().getEncoded()));
            insert.setString(3, other.toPublicJWK().toJSONString());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setTimestamp(5, inAnHour);
            insert.executeUpdate();
        }
        assertTrue(publishedKids().contains("other-instance-key"));
        assertTrue(verifies(signed(other)));
    }

    @Test
    void keys_are_for_administrators_and_the_published_documents_for_anyone() {
        assertEquals("Only a site administrator can rotate the tool's keys.",
                problem(403, () -> instructor().post("/api/lti/keys", Map.of())).get("detail"));
        assertEquals("Only a site administrator can see the tool's configuration.",
                problem(403, () -> student().get("/api/lti/tool")).get("detail"));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.GET("/api/lti/keys")));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.DELETE("/api/lti/keys/x")));
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/lti/jwks"), String.class).code());
        assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/lti/config/canvas.json"), String.class).code());
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_canvas_json_points_at_this_site_and_asks_for_grades_and_rosters() {
        HttpResponse<Map> response = client.toBlocking().exchange(HttpRequest.GET("/lti/config/canvas.json"), Map.class);
        Map<String, Object> json = response.body();
        assertEquals("Paperclub", json.get("title"));
        assertTrue(json.get("description") instanceof String d && !d.isBlank());
        assertEquals(SITE + "/lti/login", json.get("oidc_initiation_url"));
        assertEquals(SITE + "/lti/launch", json.get("target_link_uri"));
        assertEquals(SITE + "/lti/jwks", json.get("public_jwk_url"));
        assertEquals(List.of("https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score",
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"), json.get("scopes"));
        assertTrue(((List<String>) json.get("claims")).containsAll(List.of("sub", "name", "email")));
        Map<String, Object> canvas = ((List<Map<String, Object>>) json.get("extensions")).get(0);
        assertEquals("canvas.instructure.com", canvas.get("platform"));
        assertEquals("public", canvas.get("privacy_level"));
        assertEquals("paperclub.example.edu", canvas.get("domain"));
        List<Map<String, Object>> placements = (List<Map<String, Object>>) ((Map<String, Object>) canvas.get("settings")).get("placements");
        Map<String, String> types = new java.util.HashMap<>();
        placements.forEach(p -> types.put((String) p.get("placement"), (String) p.get("message_type")));
        assertEquals(Map.of("course_navigation", "LtiResourceLinkRequest", "link_selection", "LtiDeepLinkingRequest",
                "assignment_selection", "LtiDeepLinkingRequest"), types);
        placements.forEach(p -> assertEquals(SITE + "/lti/launch", p.get("target_link_uri")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_tool_details_give_every_url_an_lms_asks_for() {
        Map<String, Object> tool = admin().get("/api/lti/tool");
        assertEquals(SITE + "/lti/login", tool.get("loginUrl"));
        assertEquals(SITE + "/lti/launch", tool.get("launchUrl"));
        assertEquals(List.of(SITE + "/lti/launch"), tool.get("redirectUris"));
        assertEquals(SITE + "/lti/launch", tool.get("deepLinkingUrl"));
        assertEquals(SITE + "/lti/jwks", tool.get("jwksUrl"));
        assertEquals(SITE + "/lti/config/canvas.json", tool.get("canvasConfigUrl"));
        Map<String, String> moodle = new java.util.HashMap<>();
        ((List<Map<String, String>>) tool.get("moodle")).forEach(f -> moodle.put(f.get("field"), f.get("value")));
        assertEquals(SITE + "/lti/login", moodle.get("Initiate login URL"));
        assertEquals(SITE + "/lti/launch", moodle.get("Redirection URI(s)"));
        assertEquals(SITE + "/lti/jwks", moodle.get("Public keyset"));
        assertEquals("Keyset URL", moodle.get("Public key type"));
        assertNotEquals(null, moodle.get("Tool URL"));
    }
}
