package org.paperclub.support;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campus identity provider of the tests: a real OpenID Connect provider in the JVM (mock-oauth2-server) with
 * discovery, JWKS and signed ID tokens, issuer id {@value #ISSUER_ID}. Each sign-in gets the claims of the next
 * {@link #nextSignIn}; in interactive mode its login page asks for the subject and claims instead.
 */
public final class CampusProvider implements AutoCloseable {

    public static final String ISSUER_ID = "campus";
    public static final String CLIENT_ID = "paperclub-test";
    public static final String CLIENT_SECRET = "a-client-secret";

    private final MockOAuth2Server server;

    public CampusProvider(boolean interactiveLogin) {
        server = new MockOAuth2Server(new OAuth2Config(interactiveLogin, null, null));
        server.start(freePort());
    }

    public String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }

    /** The app's settings for campus sign-in as the deployment's environment variables give them. */
    public Map<String, String> settings(int appPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("paperclub.oidc.issuer", issuer());
        settings.put("paperclub.oidc.client-id", CLIENT_ID);
        settings.put("paperclub.oidc.client-secret", CLIENT_SECRET);
        settings.put("paperclub.oidc.label", "Sign in with your Campus ID");
        settings.put("micronaut.server.port", String.valueOf(appPort));
        settings.put("paperclub.public-url", "http://localhost:" + appPort);
        return settings;
    }

    /** The ID token of the next sign-in is for this subject with these claims (email, email_verified, name…). */
    public void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
    }

    /** The next ID token says it is for another client (its {@code aud}), signed by this provider as any other. */
    public void nextSignInForAnotherClient(String subject, Map<String, Object> claims) {
        Map<String, Object> forOther = new HashMap<>(claims);
        forOther.put("aud", List.of("another-client"));
        forOther.put("azp", "another-client");
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, forOther, 3600));
    }

    /** A token signed by this provider's key, addressed to {@code audience}, with these claims (nonce included). */
    public String idToken(String audience, String subject, Map<String, Object> claims) {
        return server.issueToken(ISSUER_ID, audience, new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(audience), claims, 3600))
                .serialize();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
