package org.paperclub.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.CampusProvider;
import org.paperclub.support.CampusSignInFlow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * Sign-in with the campus account against a real OpenID provider (mock-oauth2-server), on a site that also keeps
 * password sign-in: accounts are made or linked by verified e-mail, the session is ours, and every forged or failed
 * answer lands on the sign-in page with a reason.
 */
@MicronautTest(environments = "sso", transactional = false)
@io.micronaut.context.annotation.Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CampusSignInTest extends ApiTest {

    private CampusProvider provider;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        provider = new CampusProvider(false);
        return provider.settings(CampusProvider.freePort());
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    private CampusSignInFlow browser() {
        return new CampusSignInFlow(server.getURL().toString());
    }

    private static Map<String, Object> claims(String email, Object verified, String name) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", name);
        return claims;
    }

    @Test
    void a_newcomer_gets_an_account_without_a_password_and_stays_signed_in_until_signing_out() throws Exception {
        provider.nextSignIn("nia-1", claims("nia.newcomer@campus.example.edu", true, "Nia Newcomer"));
        CampusSignInFlow browser = browser();

        assertEquals("/#/", browser.signIn(null));
        Api.Session nia = browser.session(client.toBlocking());
        Map<String, Object> me = nia.get("/api/me");
        assertEquals("Nia Newcomer", me.get("name"));
        assertEquals("nia.newcomer@campus.example.edu", me.get("email"));
        assertEquals(1, sessionsOf(Api.id(me)), "a sign-in session row, as a password sign-in makes");
        assertEquals(nia.csrf(), me.get("csrfToken"), "the XSRF-TOKEN cookie is this session's CSRF token");
        assertTrue(passwordHashOf(Api.id(me)) == null, "no password is made up for a campus account");
        problem(401, () -> api().login("nia.newcomer@campus.example.edu", "any-password-at-all"));

        nia.post("/api/auth/logout", Map.of());
        problem(401, () -> nia.get("/api/me"));
        assertEquals(0, sessionsOf(Api.id(me)));
    }

    @Test
    void staff_signing_someone_out_everywhere_ends_their_campus_session_too() {
        provider.nextSignIn("s8-campus", claims("student8@example.edu", true, "Student Eight"));
        CampusSignInFlow browser = browser();
        browser.signIn(null);
        Api.Session student8 = browser.session(client.toBlocking());
        long id = Api.id(student8.get("/api/me"));

        ta().post("/api/courses/" + DEMO + "/roster/" + id + "/sign-out", Map.of());
        problem(401, () -> student8.get("/api/me"));
    }

    @Test
    void an_account_with_the_same_verified_address_is_linked_and_later_found_by_subject_whatever_the_address() {
        long student3 = Api.id(api().login("student3@example.edu").get("/api/me"));
        provider.nextSignIn("s3-campus", claims("Student3@Example.edu", true, "Someone Else"));
        CampusSignInFlow laptop = browser();
        laptop.signIn(null);
        Map<String, Object> me = laptop.session(client.toBlocking()).get("/api/me");
        assertEquals(student3, Api.id(me));
        assertNotEquals("Someone Else", me.get("name"), "the provider's name does not overwrite the account's");

        provider.nextSignIn("s3-campus", claims("renamed.student3@campus.example.edu", true, "Student Three"));
        CampusSignInFlow phone = browser();
        phone.signIn(null);
        assertEquals(student3, Api.id(phone.session(client.toBlocking()).get("/api/me")));
    }

    @Test
    void an_unverified_address_of_an_existing_account_never_signs_into_that_account() {
        long student4 = Api.id(api().login("student4@example.edu").get("/api/me"));
        provider.nextSignIn("mallory", claims("student4@example.edu", false, "Mallory"));
        CampusSignInFlow mallory = browser();
        mallory.signIn(null);
        Map<String, Object> me = mallory.session(client.toBlocking()).get("/api/me");
        assertNotEquals(student4, Api.id(me));
        assertNotEquals("student4@example.edu", me.get("email"));

        // "true" as a string is not the boolean the specification asks for.
        provider.nextSignIn("mallory-2", claims("student4@example.edu", "true", "Mallory"));
        CampusSignInFlow again = browser();
        again.signIn(null);
        assertNotEquals(student4, Api.id(again.session(client.toBlocking()).get("/api/me")));
    }

    @Test
    void an_unverified_address_is_not_kept_so_that_a_later_roster_entry_of_it_is_not_handed_to_this_account() {
        provider.nextSignIn("claims-someone", claims("future.student@example.edu", false, "Claims Someone"));
        CampusSignInFlow browser = browser();
        browser.signIn(null);
        Map<String, Object> me = browser.session(client.toBlocking()).get("/api/me");
        assertEquals("Claims Someone", me.get("name"));
        assertTrue(((String) me.get("email")).endsWith("@no-email.invalid"), (String) me.get("email"));
        assertEquals(0, accountsWith("future.student@example.edu"));
    }

    @Test
    void a_sign_in_lands_on_the_page_asked_for_and_never_off_the_site() {
        provider.nextSignIn("lands-1", claims("lands@campus.example.edu", true, "Lan Ding"));
        assertEquals("/#/courses/1", browser().signIn("/courses/1"));
        for (String elsewhere : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            provider.nextSignIn("lands-1", claims("lands@campus.example.edu", true, "Lan Ding"));
            assertEquals("/#/", browser().signIn(elsewhere), elsewhere);
        }
    }

    @Test
    void a_forged_state_is_refused_and_nobody_is_signed_in() {
        // No ID token is queued at the provider: a refused state must stop the sign-in before any code is exchanged.
        CampusSignInFlow browser = browser();
        String landing = browser.signIn(null, address -> address.replaceFirst("state=[^&]+", "state=eyJub25jZSI6ImZvcmdlZCJ9"));
        assertEquals("/#/login?error=sso-expired", landing);
        assertTrue(browser.cookie("PAPERCLUB_SESSION").isEmpty());
    }

    @Test
    void a_callback_without_the_state_cookie_of_this_browser_is_refused() {
        CampusSignInFlow started = browser();
        String authorize = started.start(null);
        String callback = started.get(authorize).headers().firstValue("Location").orElseThrow();
        // Another browser (a link sent to someone) arrives with the code and state, but without the state's cookie.
        CampusSignInFlow victim = browser();
        assertEquals("/#/login?error=sso-expired", victim.back(callback));
        assertTrue(victim.cookie("PAPERCLUB_SESSION").isEmpty());
    }

    @Test
    void an_id_token_with_another_nonce_is_refused() {
        provider.nextSignIn("forged-nonce", claims("forged.nonce@campus.example.edu", true, "Forged Nonce"));
        CampusSignInFlow browser = browser();
        String landing = browser.signIn(null, address -> address.replaceFirst("nonce=[^&]+", "nonce=not-the-one-we-sent"));
        assertEquals("/#/login?error=sso-failed", landing);
        assertTrue(browser.cookie("PAPERCLUB_SESSION").isEmpty());
        assertEquals(0, accountsWith("forged.nonce@campus.example.edu"));
    }

    @Test
    void an_id_token_addressed_to_another_client_is_refused() {
        provider.nextSignInForAnotherClient("wrong-audience", claims("wrong.audience@campus.example.edu", true, "Wrong Audience"));
        CampusSignInFlow browser = browser();
        assertEquals("/#/login?error=sso-failed", browser.signIn(null));
        assertTrue(browser.cookie("PAPERCLUB_SESSION").isEmpty());
        assertEquals(0, accountsWith("wrong.audience@campus.example.edu"));
    }

    @Test
    void a_token_of_the_provider_is_no_session_here_whoever_it_names() {
        // A campus token naming a Paperclub account's number, shown as the session cookie or as a Bearer header.
        long student6 = Api.id(api().login("student6@example.edu").get("/api/me"));
        String token = provider.idToken(CampusProvider.CLIENT_ID, String.valueOf(student6),
                claims("student6@example.edu", true, "Student Six"));
        problem(401, () -> new Api.Session(client.toBlocking(), token, "x").get("/api/me"));
        problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(token)
                .accept(io.micronaut.http.MediaType.APPLICATION_JSON_TYPE, io.micronaut.http.MediaType.of("application/problem+json"))));
    }

    @Test
    void cancelling_at_the_provider_goes_back_to_the_sign_in_page_saying_so() {
        CampusSignInFlow browser = browser();
        String authorize = browser.start(null);
        String state = authorize.replaceFirst(".*[?&]state=([^&]+).*", "$1");
        String landing = browser.back(server.getURL() + "/oauth/callback/campus?error=access_denied&state=" + state);
        assertEquals("/#/login?error=sso-cancelled", landing);
        assertTrue(browser.cookie("PAPERCLUB_SESSION").isEmpty());
    }

    @Test
    void a_callback_with_a_code_the_provider_never_issued_is_refused() {
        CampusSignInFlow browser = browser();
        String authorize = browser.start(null);
        String state = authorize.replaceFirst(".*[?&]state=([^&]+).*", "$1");
        // mock-oauth2-server issues a token for any code, so the code here is only malformed, and the exchange fails.
        String landing = browser.back(server.getURL() + "/oauth/callback/campus?state=" + state);
        assertTrue(landing.startsWith("/#/login?error=sso-"), landing);
        assertTrue(browser.cookie("PAPERCLUB_SESSION").isEmpty());
    }

    @Test
    void the_start_asks_the_provider_for_openid_email_and_profile_with_state_nonce_and_our_callback() {
        String authorize = browser().start(null);
        assertTrue(authorize.startsWith(provider.issuer() + "/authorize?"), authorize);
        assertTrue(authorize.contains("scope=openid%20email%20profile") || authorize.contains("scope=openid+email+profile"), authorize);
        assertTrue(authorize.contains("client_id=" + CampusProvider.CLIENT_ID), authorize);
        assertTrue(authorize.contains("state="), authorize);
        assertTrue(authorize.contains("nonce="), authorize);
        assertTrue(authorize.contains("redirect_uri=" + java.net.URLEncoder.encode(server.getURL() + "/oauth/callback/campus",
                java.nio.charset.StandardCharsets.UTF_8)), authorize);
    }

    @Test
    void the_sign_in_page_offers_both_ways_and_passwords_still_work() {
        Map<?, ?> options = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/options"), Map.class);
        assertEquals(true, options.get("passwordSignIn"));
        assertEquals("Sign in with your Campus ID", options.get("campusLabel"));
        assertEquals("/oauth/login/campus", options.get("campusLoginUrl"));
        assertEquals("student5@example.edu", api().login("student5@example.edu").get("/api/me").get("email"));
    }

    private long sessionsOf(long userId) {
        return count("select count(*) from sign_in_session where user_id = ?", userId);
    }

    private long accountsWith(String email) {
        return count("select count(*) from app_user where email = ?", email);
    }

    private String passwordHashOf(long userId) throws Exception {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("select password_hash from app_user where id = ?")) {
            s.setLong(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private long count(String sql, Object value) {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
