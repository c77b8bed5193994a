package org.paperclub.people;

import io.micronaut.context.annotation.Property;
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

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/**
 * A site that signs in with the campus account only (PAPERCLUB_PASSWORD_SIGN_IN=false): nothing takes a password. Its
 * provider's addresses are trusted (PAPERCLUB_OIDC_TRUST_EMAIL=true), so roster accounts are linked without
 * email_verified.
 */
@MicronautTest(environments = "sso", transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CampusOnlySignInTest extends ApiTest {

    private static final String ONLY_CAMPUS = "This site signs in with the campus account only, not with a password: "
            + "use “Sign in with your Campus ID” on the sign-in page.";

    private CampusProvider provider;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        provider = new CampusProvider(false);
        Map<String, String> settings = new HashMap<>(provider.settings(CampusProvider.freePort()));
        settings.put("paperclub.sign-in.password", "false");
        // This campus's provider hands out only its own addresses, and does not say email_verified.
        settings.put("paperclub.oidc.trust-email", "true");
        return settings;
    }

    @AfterAll
    void stopProvider() {
        provider.close();
    }

    @Test
    void the_sign_in_page_is_told_to_offer_only_the_campus_button() {
        Map<?, ?> options = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/options"), Map.class);
        assertEquals(false, options.get("passwordSignIn"));
        assertEquals("Sign in with your Campus ID", options.get("campusLabel"));
        assertEquals("/oauth/login/campus", options.get("campusLoginUrl"));
    }

    @Test
    void a_password_sign_in_is_refused_with_the_way_that_works() {
        Map<String, Object> refused = problem(403, () -> api().login("student1@example.edu"));
        assertEquals(ONLY_CAMPUS, refused.get("detail"));
    }

    @Test
    void asking_for_a_password_reset_or_using_a_reset_or_invitation_link_is_refused() {
        assertEquals(ONLY_CAMPUS, problem(403, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/password-reset",
                Map.of("email", "student1@example.edu")))).get("detail"));
        String token = "a".repeat(40);
        assertEquals(ONLY_CAMPUS, problem(403, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/password-reset/" + token,
                Map.of("password", "a-long-new-password")))).get("detail"));
        assertEquals(ONLY_CAMPUS, problem(403, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + token,
                Map.of("password", "a-long-new-password")))).get("detail"));
    }

    @Test
    void a_roster_account_is_entered_with_the_campus_account_of_its_address_and_cannot_take_a_password() {
        long student7Id = Api.id(jdbcUser("student7@example.edu"));
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", "student7@example.edu");
        provider.nextSignIn("student-seven", claims);
        CampusSignInFlow browser = new CampusSignInFlow(server.getURL().toString());
        assertEquals("/#/", browser.signIn(null));
        Api.Session student7 = browser.session(client.toBlocking());
        assertEquals(student7Id, Api.id(student7.get("/api/me")), "the roster's account, linked by the trusted address");

        Map<String, Object> refused = problem(403, () -> student7.put("/api/me/password",
                Map.of("currentPassword", Api.PASSWORD, "newPassword", "a-long-new-password")));
        assertEquals(ONLY_CAMPUS, refused.get("detail"));
        student7.post("/api/auth/logout", Map.of());
        problem(401, () -> student7.get("/api/me"));
    }

    private Map<String, Object> jdbcUser(String email) {
        try (java.sql.Connection c = jdbc(); java.sql.PreparedStatement s = c.prepareStatement("select id from app_user where email = ?")) {
            s.setString(1, email);
            try (java.sql.ResultSet r = s.executeQuery()) {
                r.next();
                return Map.of("id", r.getLong(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void starting_without_a_campus_provider_while_passwords_are_off_is_refused_as_a_lockout() {
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.context.exceptions.ConfigurationException.class,
                () -> new SignInOptions(false, "", "", ""));
        assertTrue(refused.getMessage().contains("nobody could sign in"), refused.getMessage());
        assertNull(new SignInOptions(true, "", "", "").campusLabel());
    }
}
