package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.TestPlatform.INSTRUCTOR;
import static org.paperclub.support.TestPlatform.LEARNER;
import static org.paperclub.support.TestPlatform.LTI;

/**
 * Every launch Paperclub must not trust is refused with a page that says why (a sentence for the person, a detail for
 * the administrator), and leaves no account, course, LMS course, enrollment, ticket or session behind.
 */
@MicronautTest
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class LaunchRefusalTest extends LtiLaunchTest {

    static final String UNTRUSTED = "Paperclub could not confirm this launch from your LMS";



    @Override
    String platformName() {
        return "Moodle at Example U";
    }

    @Test
    void a_replayed_state_is_refused_and_nothing_is_created() throws SQLException {
        LtiDriver.Login login = driver.login(lms, "hint-replay", driver.target());
        Map<String, String> form = Map.of("id_token", lms.sign(withNonce(claims(), login.nonce())), "state", login.state());
        assertEquals(200, driver.post("/lti/launch", form).status());

        refused(401, "was used already", () -> driver.post("/lti/launch", form));
    }

    @Test
    void a_replayed_nonce_is_refused_and_nothing_is_created() throws SQLException {
        LtiDriver.Login first = driver.login(lms, "hint-nonce", driver.target());
        String token = lms.sign(withNonce(claims(), first.nonce()));
        assertEquals(200, driver.post("/lti/launch", Map.of("id_token", token, "state", first.state())).status());

        LtiDriver.Login second = driver.login(lms, "hint-nonce", driver.target());
        refused(401, "nonce is not the one Paperclub sent", () -> driver.post("/lti/launch", Map.of("id_token", token, "state", second.state())));
    }

    @Test
    void a_token_for_another_audience_is_refused() throws SQLException {
        refusedLaunch(401, "does not include Paperclub's client id", c -> {
            c.put("aud", "someone-else");
            c.put("azp", "someone-else");
        });
    }

    @Test
    void several_audiences_need_paperclub_as_the_authorized_party() throws SQLException {
        refusedLaunch(401, "authorized party (azp)", c -> {
            c.put("aud", List.of(lms.clientId, "another-tool"));
            c.put("azp", "another-tool");
        });
    }

    @Test
    void an_expired_token_is_refused_but_a_minute_of_clock_difference_is_not() throws SQLException {
        long now = Instant.now().getEpochSecond();
        refusedLaunch(401, "The id_token expired", c -> c.put("exp", now - 120));
        LtiDriver.Login login = driver.login(lms, "hint-skew", driver.target());
        Map<String, Object> c = claims();
        c.put("exp", now - 30);
        assertEquals(200, driver.post("/lti/launch", Map.of("id_token", lms.sign(withNonce(c, login.nonce())), "state", login.state())).status());
    }

    @Test
    void a_token_issued_in_the_future_is_refused() throws SQLException {
        refusedLaunch(401, "in the future", c -> c.put("iat", Instant.now().getEpochSecond() + 600));
    }

    @Test
    void a_token_signed_with_a_key_the_platform_does_not_publish_is_refused_and_fetches_the_keys_at_most_once_more()
            throws SQLException, JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-published").keyUse(KeyUse.SIGNATURE).generate();
        driver.launch(lms, claims()); // the platform's keys are known from here on
        int fetches = lms.jwksFetches();
        for (int i = 0; i < 3; i++) {
            LtiDriver.Login login = driver.login(lms, "hint-stranger", driver.target());
            String token = TestPlatform.sign(withNonce(claims(), login.nonce()), stranger);
            refused(401, "does not publish", () -> driver.post("/lti/launch", Map.of("id_token", token, "state", login.state())));
        }
        assertEquals(fetches + 1, lms.jwksFetches(), "a flood of unknown kids costs the platform one request");
    }

    @Test
    void a_token_whose_signature_does_not_verify_is_refused() throws Exception {
        LtiDriver.Login login = driver.login(lms, "hint-tamper", driver.target());
        String[] parts = lms.sign(withNonce(claims(), login.nonce())).split("\\.");
        Map<String, Object> changed = withNonce(claims(), login.nonce());
        changed.put("sub", "someone-else");
        String payload = Base64URL.encode(JWTClaimsSet.parse(changed).toString().getBytes(StandardCharsets.UTF_8)).toString();
        refused(401, "signature does not verify", () -> driver.post("/lti/launch",
                Map.of("id_token", parts[0] + "." + payload + "." + parts[2], "state", login.state())));
    }

    @Test
    void an_unsigned_token_is_refused() throws Exception {
        LtiDriver.Login login = driver.login(lms, "hint-none", driver.target());
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(JWTClaimsSet.parse(withNonce(claims(), login.nonce())).toString().getBytes(StandardCharsets.UTF_8)).toString();
        refused(401, "not signed", () -> driver.post("/lti/launch", Map.of("id_token", header + "." + payload + ".", "state", login.state())));
    }

    @Test
    void a_token_signed_with_a_shared_secret_is_refused() throws Exception {
        LtiDriver.Login login = driver.login(lms, "hint-hs", driver.target());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(lms.signingKey().getKeyID()).build(),
                JWTClaimsSet.parse(withNonce(claims(), login.nonce())));
        jwt.sign(new MACSigner("a-shared-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8)));
        refused(401, "requires RS256", () -> driver.post("/lti/launch", Map.of("id_token", jwt.serialize(), "state", login.state())));
    }

    @Test
    void a_token_from_another_issuer_is_refused_and_its_name_is_shown_as_text() throws SQLException {
        LtiDriver.Answer a = refusedLaunch(401, "is not " + lms.issuer(), c -> c.put("iss", "https://evil.example/<script>alert(1)</script>"));
        assertTrue(a.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(a.body().contains("<script>alert"));
    }

    @Test
    void a_deployment_not_registered_is_refused() throws SQLException {
        LtiDriver.Answer a = refusedLaunch(400, "Deployment \"deployment-9\" is not registered", c -> c.put(LTI + "deployment_id", "deployment-9"));
        assertTrue(a.body().contains("Paperclub is not set up for this part of your LMS yet"));
    }

    @Test
    void a_token_missing_a_required_claim_is_refused() throws SQLException {
        for (String claim : List.of("sub", LTI + "roles", LTI + "resource_link", LTI + "message_type", LTI + "version",
                LTI + "deployment_id", "exp", "iat")) {
            refusedLaunch(claim.equals("exp") || claim.equals("iat") ? 401 : 400,
                    "lacks", c -> c.remove(claim));
        }
        refusedLaunch(400, "resource_link.id", c -> c.put(LTI + "resource_link", Map.of("title", "no id")));
        refusedLaunch(401, "has no nonce", c -> c.put("nonce", null));
    }

    @Test
    void another_message_type_or_version_is_refused() throws SQLException {
        refusedLaunch(400, "is not supported", c -> c.put(LTI + "message_type", "LtiSubmissionReviewRequest"));
        refusedLaunch(400, "is not 1.3.0", c -> c.put(LTI + "version", "1.1"));
    }

    @Test
    void a_launch_of_a_page_on_another_site_is_refused() throws SQLException {
        refusedLaunch(400, "is not on " + SITE, c -> c.put(LTI + "target_link_uri", "https://phish.example/lti"));
        Map<String, String> login = lms.loginInitiation("hint-off", "https://phish.example/lti");
        refused(400, "is not on " + SITE, () -> driver.login(login).answer());
    }

    @Test
    void a_login_from_an_unknown_platform_or_without_its_parameters_is_refused() throws SQLException {
        Map<String, String> unknown = new LinkedHashMap<>(lms.loginInitiation("hint-x", driver.target()));
        unknown.put("iss", "https://unknown-lms.example");
        LtiDriver.Answer a = refused(400, "No registration for issuer https://unknown-lms.example", () -> driver.login(unknown).answer());
        assertTrue(a.body().contains("Paperclub does not know this LMS"));

        Map<String, String> noHint = new LinkedHashMap<>(lms.loginInitiation("hint-x", driver.target()));
        noHint.remove("login_hint");
        refused(400, "lacks login_hint", () -> driver.login(noHint).answer());
    }

    @Test
    void a_launch_long_after_its_login_is_refused() throws SQLException {
        LtiDriver.Login login = driver.login(lms, "hint-late", driver.target());
        String token = lms.sign(withNonce(claims(), login.nonce()));
        clock.set(Instant.now().plus(Duration.ofMinutes(11)));
        refused(401, "state has expired", () -> driver.post("/lti/launch", Map.of("id_token", token, "state", login.state())));
    }

    @Test
    void a_launch_without_state_or_with_a_state_never_issued_is_refused() throws SQLException {
        refused(401, "no state parameter", () -> driver.post("/lti/launch", Map.of("id_token", "x")));
        refused(401, "unknown or was used", () -> driver.post("/lti/launch", Map.of("id_token", "x", "state", "A".repeat(43))));
    }

    @Test
    void a_launch_posted_by_another_browser_than_the_login_is_refused_when_that_browser_says_so() throws SQLException {
        LtiDriver.Login login = driver.login(lms, "hint-browser", driver.target());
        String form = LtiDriver.form(Map.of("id_token", lms.sign(withNonce(claims(), login.nonce())), "state", login.state()));
        refused(401, "another browser", () -> driver.post("/lti/launch", form,
                Map.of("Cookie", LaunchController.BROWSER_COOKIE + "=" + "B".repeat(43))));
    }

    @Test
    void refusal_pages_say_the_sentence_and_the_detail_and_may_be_read_inside_the_lms() throws SQLException {
        LtiDriver.Answer a = refusedLaunch(401, "The id_token expired", c -> c.put("exp", Instant.now().getEpochSecond() - 600));
        assertTrue(a.header("content-type").startsWith("text/html"));
        assertTrue(a.body().contains(UNTRUSTED));
        assertTrue(a.body().contains("Details for your LMS administrator"));
        assertTrue(a.header("content-security-policy").contains("frame-ancestors *"));
        assertTrue(a.header("content-security-policy").contains("script-src 'self'"));
    }

    // Fixtures

    /** A learner's launch into an LMS course (unlinked: the launch ends on "not set up yet" when accepted). */
    private Map<String, Object> claims() {
        return lms.launchClaims("learner-1", "Lin Learner", "lin@lms.example.edu", "ctx-refusals", "Refusals", LEARNER);
    }

    private static Map<String, Object> withNonce(Map<String, Object> claims, String nonce) {
        Map<String, Object> c = new LinkedHashMap<>(claims);
        c.put("nonce", nonce);
        return c;
    }

    /** A launch whose claims {@code change} alters (after the nonce is set) is refused, and nothing is created. */
    private LtiDriver.Answer refusedLaunch(int status, String detail, Consumer<Map<String, Object>> change) throws SQLException {
        LtiDriver.Login login = driver.login(lms, "hint-refused", driver.target());
        Map<String, Object> c = withNonce(instructorClaims(), login.nonce());
        change.accept(c);
        c.values().removeIf(java.util.Objects::isNull);
        return refused(status, detail, () -> driver.post("/lti/launch", Map.of("id_token", lms.sign(c), "state", login.state())));
    }

    /** An instructor's launch: accepted, it would make an account and an LMS course, so a refusal shows it made none. */
    private Map<String, Object> instructorClaims() {
        return lms.launchClaims("teacher-9", "Tess Teacher", "tess@lms.example.edu", "ctx-instructor", "Instructor", INSTRUCTOR);
    }

    private LtiDriver.Answer refused(int status, String detail, java.util.function.Supplier<LtiDriver.Answer> call) throws SQLException {
        Map<String, Long> before = counts();
        LtiDriver.Answer a = call.get();
        assertEquals(status, a.status(), a.body());
        assertTrue(a.body().contains(org.paperclub.system.Html.escape(detail)), "detail \"" + detail + "\" in:\n" + a.body());
        assertTrue(a.cookie("PAPERCLUB_SESSION").isEmpty(), "no session");
        assertEquals(before, counts(), "nothing created");
        return a;
    }

    private Map<String, Long> counts() throws SQLException {
        try (Connection c = jdbc()) {
            return LtiDriver.counts(c);
        }
    }
}
