package org.paperclub.people;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The campus identity, once Micronaut has validated its ID token, becomes one of our accounts
 * ({@link Identities#resolve}: linked by subject, else by an e-mail address the provider says is verified, else new)
 * with a new sign-in session of ours. Runs on the blocking pool: it writes to the database.
 */
@Singleton
@Named(CampusSignIn.PROVIDER)
@Requires(property = CampusSignIn.ISSUER_PROPERTY)
class CampusAuthenticationMapper implements OpenIdAuthenticationMapper {

    private final Identities identities;
    private final SignIns signIns;
    private final ExecutorService blocking;
    private final boolean trustEmail;

    CampusAuthenticationMapper(Identities identities, SignIns signIns, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                               @Value("${paperclub.oidc.trust-email:false}") boolean trustEmail) {
        this.identities = identities;
        this.signIns = signIns;
        this.blocking = blocking;
        this.trustEmail = trustEmail;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                         OpenIdClaims claims, @Nullable State state) {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(() -> {
            // Only a JSON true vouches for the address (a missing claim, false, or the string "true" does not), unless
            // the site says its provider hands out only addresses it controls (PAPERCLUB_OIDC_TRUST_EMAIL).
            boolean verified = trustEmail || Boolean.TRUE.equals(claims.getClaims().get(OpenIdClaims.CLAIMS_EMAIL_VERIFIED));
            // An unverified address is not kept either: an account holding it would be the one a roster import of
            // that address later enrolls, handing the real owner's course to whoever claimed it.
            String email = verified ? claims.getEmail() : null;
            User user = identities.resolve(claims.getIssuer(), claims.getSubject(), email, verified, nameOf(claims));
            Authentication session = signIns.begin(user);
            return AuthenticationResponse.success(session.getName(), session.getRoles(), session.getAttributes());
        }, blocking));
    }

    @Nullable
    private static String nameOf(OpenIdClaims claims) {
        if (claims.getName() != null && !claims.getName().isBlank()) {
            return claims.getName();
        }
        String given = claims.getGivenName() == null ? "" : claims.getGivenName().strip();
        String family = claims.getFamilyName() == null ? "" : claims.getFamilyName().strip();
        String both = (given + " " + family).strip();
        return both.isEmpty() ? claims.getPreferredUsername() : both;
    }
}
