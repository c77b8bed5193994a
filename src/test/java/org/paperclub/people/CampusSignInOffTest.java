package org.paperclub.people;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.security.oauth2.routes.OauthController;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without PAPERCLUB_OIDC_ISSUER nothing of campus sign-in exists: no routes, no client, passwords as before. */
@MicronautTest(transactional = false)
@Property(name = "paperclub.demo.files", value = ApiTest.ACCOUNTS_ONLY)
class CampusSignInOffTest extends ApiTest {

    @Inject
    ApplicationContext context;

    @Test
    void the_campus_routes_do_not_exist() {
        for (String path : new String[] {"/oauth/login/campus", "/oauth/callback/campus", "/oauth/login", "/oauth/logout",
                "/.well-known/oauth-protected-resource", "/.well-known/openid-configuration"}) {
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(HttpRequest.GET(path)), path);
            assertEquals(404, e.getStatus().getCode(), path);
        }
        assertFalse(context.containsBean(OauthClient.class));
        assertFalse(context.containsBean(OauthController.class));
    }

    @Test
    void the_sign_in_page_is_told_there_is_no_campus_button_and_passwords_work() {
        Map<?, ?> options = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/options"), Map.class);
        assertEquals(true, options.get("passwordSignIn"));
        assertNull(options.get("campusLabel"));
        assertNull(options.get("campusLoginUrl"));
        assertEquals("student1@example.edu", api().login("student1@example.edu").get("/api/me").get("email"));
    }
}
