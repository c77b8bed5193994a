package org.paperclub.lti;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.DL_CLAIM;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.LTI;

/**
 * Deep Linking 2.0: an instructor places links to Paperclub's pages in the LMS. The platform receives a signed
 * LtiDeepLinkingResponse that verifies with the tool's published keys, and the links it places open the right page.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class DeepLinkingTest extends LtiLaunchTest {




    @Override
    String platformName() {
        return "Blackboard at Example U";
    }

    @Test
    void an_instructor_places_the_board_and_the_critiques_and_the_platform_gets_a_signed_answer_whose_links_open_them() throws Exception {
        LtiDriver.Answer page = driver.launch(lms, deepLinking("ctx-dl", Map.of()));
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("value=\"" + DEMO + "\""), "the course they teach is offered:\n" + page.body());

        LtiDriver.Answer answer = driver.post("/lti/deep-link", LtiDriver.form(List.of(Map.entry("ticket", page.field("ticket")),
                Map.entry("course", String.valueOf(DEMO)), Map.entry("page", "board"), Map.entry("page", "critiques"))), Map.of());
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("action=\"" + lms.url() + "/dl/return\""), answer.body());
        assertTrue(answer.body().contains("<script src=\"/lti-autopost.js\"></script>"));
        assertTrue(answer.header("content-security-policy").contains("form-action 'self' " + lms.url()));

        SignedJWT jwt = SignedJWT.parse(answer.field("JWT"));
        // As a platform does: the tool's keys from its published JWKS address.
        JWKSet published = JWKSet.parse(driver.get("/lti/jwks").body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(key != null && jwt.verify(new RSASSAVerifier(key)), "verifies with the tool's published key");
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(lms.clientId, c.getIssuer());
        assertEquals(List.of(lms.issuer()), c.getAudience());
        assertEquals("LtiDeepLinkingResponse", c.getClaim(LTI + "message_type"));
        assertEquals("1.3.0", c.getClaim(LTI + "version"));
        assertEquals(lms.deploymentId, c.getClaim(LTI + "deployment_id"));
        assertEquals("opaque-platform-data", c.getClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data"));
        assertTrue(c.getExpirationTime().after(c.getIssueTime()));
        assertTrue(c.getStringClaim("nonce").length() > 10);
        List<Object> items = c.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertEquals(2, items.size());
        @SuppressWarnings("unchecked") Map<String, Object> board = (Map<String, Object>) items.get(0);
        assertEquals("ltiResourceLink", board.get("type"));
        assertEquals(SITE + "/lti/launch?page=board", board.get("url"));
        assertTrue(((String) board.get("title")).endsWith("Sign-up board"));

        assertEquals(DEMO, courseOf("ctx-dl"), "placing links linked the LMS course to the chosen one");
        Map<String, Object> launch = lms.launchClaims("stu-dl", "Dee Student", "dee@lms.example.edu", "ctx-dl", "DL", LEARNER);
        launch.put(LTI + "target_link_uri", board.get("url"));
        assertEquals("/#/courses/" + DEMO + "/signups", driver.launch(lms, launch).landingPath());

        assertEquals(400, driver.post("/lti/deep-link", Map.of("ticket", page.field("ticket"), "course", String.valueOf(DEMO),
                "page", "board")).status(), "the choice is answered once");
    }

    @Test
    void a_platform_that_takes_one_link_gets_one() throws Exception {
        LtiDriver.Answer page = driver.launch(lms, deepLinking("ctx-one", Map.of("accept_multiple", false)));
        assertTrue(page.body().contains("type=\"radio\" name=\"page\""), page.body());
        LtiDriver.Answer two = driver.post("/lti/deep-link", LtiDriver.form(List.of(Map.entry("ticket", page.field("ticket")),
                Map.entry("course", String.valueOf(DEMO)), Map.entry("page", "board"), Map.entry("page", "course"))), Map.of());
        assertEquals(422, two.status());
        assertTrue(two.body().contains("Your LMS takes one link here"), two.body());

        LtiDriver.Answer one = driver.post("/lti/deep-link", Map.of("ticket", page.field("ticket"), "course", String.valueOf(DEMO), "page", "course"));
        List<Object> items = SignedJWT.parse(one.field("JWT")).getJWTClaimsSet()
                .getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertEquals(1, items.size());
        assertEquals(SITE + "/lti/launch", ((Map<?, ?>) items.get(0)).get("url"));
    }

    @Test
    void a_linked_lms_course_offers_only_its_course_and_refuses_another() throws Exception {
        LtiDriver.Answer first = driver.launch(lms, lms.launchClaims("prof-l", "Prof L", "prof-l@lms.example.edu", "ctx-linked", "Linked", INSTRUCTOR));
        driver.post("/lti/link", Map.of("ticket", first.field("ticket"), "course", "new", "code", "LINKED", "title", "Linked",
                "term", "Spring 2027", "timeZone", "UTC"));
        long linked = courseOf("ctx-linked");
        Map<String, Object> claims = deepLinking("ctx-linked", Map.of());
        claims.put("sub", "prof-l");
        claims.put("email", "prof-l@lms.example.edu");
        LtiDriver.Answer page = driver.launch(lms, claims);
        assertTrue(page.body().contains("value=\"" + linked + "\""));
        assertFalse(page.body().contains("value=\"" + DEMO + "\""), "only the linked course");

        LtiDriver.Answer other = driver.post("/lti/deep-link", Map.of("ticket", page.field("ticket"), "course", String.valueOf(DEMO), "page", "course"));
        assertEquals(400, other.status());
    }

    @Test
    void a_platform_that_does_not_take_resource_links_or_a_student_asking_is_refused() {
        Map<String, Object> noLinks = new LinkedHashMap<>(settings(Map.of()));
        noLinks.put("accept_types", List.of("file", "html"));
        Map<String, Object> claims = deepLinking("ctx-files", Map.of());
        claims.put(DL_CLAIM, noLinks);
        LtiDriver.Answer a = driver.launch(lms, claims);
        assertEquals(400, a.status());
        assertTrue(a.body().contains("lacks ltiResourceLink"), a.body());

        Map<String, Object> student = deepLinking("ctx-files", Map.of());
        student.put(LTI + "roles", List.of(LEARNER));
        LtiDriver.Answer s = driver.launch(lms, student);
        assertEquals(403, s.status());
        assertTrue(s.body().contains("Only an instructor of the course places Paperclub links"));
    }

    @Test
    void a_request_without_its_settings_or_with_a_script_for_its_return_address_is_refused() {
        Map<String, Object> claims = deepLinking("ctx-missing", Map.of());
        claims.remove(DL_CLAIM);
        LtiDriver.Answer a = driver.launch(lms, claims);
        assertEquals(400, a.status());
        assertTrue(a.body().contains("deep_linking_settings"), a.body());

        LtiDriver.Answer script = driver.launch(lms, deepLinking("ctx-missing", Map.of("deep_link_return_url", "javascript:alert(1)")));
        assertEquals(400, script.status());
        assertTrue(script.body().contains("is not an http(s) address"), script.body());
    }

    // Fixtures

    /** The demo instructor's LtiDeepLinkingRequest from an LMS course; {@code more} changes the deep-linking settings. */
    private Map<String, Object> deepLinking(String contextId, Map<String, Object> more) {
        Map<String, Object> c = lms.launchClaims("prof-demo", "Demo Instructor", "instructor@example.edu", contextId, "Deep linking", INSTRUCTOR);
        c.put(LTI + "message_type", "LtiDeepLinkingRequest");
        c.remove(LTI + "resource_link");
        c.put(DL_CLAIM, settings(more));
        return c;
    }

    private Map<String, Object> settings(Map<String, Object> more) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("deep_link_return_url", lms.url() + "/dl/return");
        s.put("accept_types", List.of("link", "ltiResourceLink"));
        s.put("accept_presentation_document_targets", List.of("iframe", "window"));
        s.put("accept_multiple", true);
        s.put("data", "opaque-platform-data");
        s.putAll(more);
        return s;
    }

    private long courseOf(String contextId) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select course_id from lti_context where context_id = '" + contextId + "'")) {
            assertTrue(r.next());
            return r.getLong(1);
        }
    }
}
