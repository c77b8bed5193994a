package org.paperclub.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.paperclub.mail.MailSettings;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of LTI Core 1.3 (5.1.2, 5.3, 5.4) and the 1EdTech Security Framework 1.0 (5.1.3: authentication response
 * validation) on a launch: the login state, the id_token's signature by a key the platform publishes, its issuer,
 * audience, lifetime and nonce, the deployment, and the claims the message type requires. Anything short of all of
 * them is a {@link LaunchRefused}.
 */
@Singleton
class LaunchVerifier {

    /** Clocks of the platform and of Paperclub may differ by this much. */
    static final Duration SKEW = Duration.ofSeconds(60);
    /** The largest id_token read; platforms send a few KB (Canvas with custom fields: under 16 KB). */
    private static final int MAX_TOKEN = 64 * 1024;

    private static final Set<String> MESSAGE_TYPES = Set.of(Launch.RESOURCE_LINK_REQUEST, Launch.DEEP_LINKING_REQUEST);

    private final LoginStates states;
    private final Registrations registrations;
    private final PlatformKeys keys;
    private final MailSettings site;
    private final Clock clock;

    LaunchVerifier(LoginStates states, Registrations registrations, PlatformKeys keys, MailSettings site, Clock clock) {
        this.states = states;
        this.registrations = registrations;
        this.keys = keys;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The verified launch. {@code browser} is the binding cookie of the browser that posts it, when the browser sent
     * one (see {@link LaunchController}).
     */
    Launch verify(@Nullable String idToken, @Nullable String state, @Nullable String browser) {
        LoginState login = states.take(state);
        if (login.browserHash() != null && browser != null && !login.browserHash().equals(Tokens.hash(browser))) {
            throw LaunchRefused.untrusted("The login was started in another browser than the one that posted the launch.");
        }
        Registration registration = registrations.find(login.registrationId()).orElseThrow(() -> LaunchRefused.untrusted(
                "The platform of this login was removed from Paperclub meanwhile."));
        if (idToken == null || idToken.isBlank()) {
            throw LaunchRefused.untrusted("The launch has no id_token.");
        }
        if (idToken.length() > MAX_TOKEN) {
            throw LaunchRefused.untrusted("The id_token is longer than " + MAX_TOKEN / 1024 + " KB.");
        }
        SignedJWT jwt = signed(idToken);
        JWTClaimsSet claims = verifiedClaims(jwt, registration);

        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw LaunchRefused.untrusted("The id_token lacks " + (exp == null ? "exp" : "iat") + ".");
        }
        if (!exp.toInstant().plus(SKEW).isAfter(now)) {
            throw LaunchRefused.untrusted("The id_token expired at " + exp.toInstant() + " (now " + now + ", "
                    + SKEW.toSeconds() + " s of clock difference allowed).");
        }
        if (iat.toInstant().minus(SKEW).isAfter(now)) {
            throw LaunchRefused.untrusted("The id_token says it was issued at " + iat.toInstant() + ", in the future (now "
                    + now + ", " + SKEW.toSeconds() + " s of clock difference allowed).");
        }
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null || !nonce.equals(login.nonce())) {
            throw LaunchRefused.untrusted(nonce == null ? "The id_token has no nonce."
                    : "The id_token's nonce is not the one Paperclub sent with this login.");
        }

        String deploymentId = stringClaim(claims, Launch.LTI + "deployment_id");
        if (deploymentId == null) {
            throw missing("deployment_id");
        }
        if (!registrations.deploymentKnown(registration.id(), deploymentId)) {
            throw new LaunchRefused(400, "Paperclub is not set up for this part of your LMS yet. Your LMS administrator "
                    + "needs to add its deployment to Paperclub's registration of " + registration.name() + ".",
                    "Deployment \"" + deploymentId + "\" is not registered for issuer " + registration.issuer()
                            + " and client id " + registration.clientId() + ".");
        }
        String messageType = stringClaim(claims, Launch.LTI + "message_type");
        if (messageType == null) {
            throw missing("message_type");
        }
        if (!MESSAGE_TYPES.contains(messageType)) {
            throw LaunchRefused.bad("Paperclub cannot open this kind of LMS link.",
                    "Message type \"" + messageType + "\" is not supported (only " + Launch.RESOURCE_LINK_REQUEST
                            + " and " + Launch.DEEP_LINKING_REQUEST + ").");
        }
        String version = stringClaim(claims, Launch.LTI + "version");
        if (!"1.3.0".equals(version)) {
            throw version == null ? missing("version")
                    : LaunchRefused.bad("Paperclub speaks LTI 1.3 only.", "LTI version \"" + version + "\" is not 1.3.0.");
        }
        if (claims.getClaim(Launch.LTI + "roles") == null || !(claims.getClaim(Launch.LTI + "roles") instanceof List<?>)) {
            throw missing("roles");
        }
        String target = stringClaim(claims, Launch.LTI + "target_link_uri");
        if (Launch.RESOURCE_LINK_REQUEST.equals(messageType)) {
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw missing("sub");
            }
            Map<String, Object> link = object(claims, Launch.LTI + "resource_link");
            if (Launch.string(link, "id") == null) {
                throw missing("resource_link.id");
            }
        } else {
            if (claims.getSubject() == null || claims.getSubject().isBlank()) {
                throw missing("sub");
            }
            Map<String, Object> settings = object(claims, Launch.DEEP_LINKING);
            if (settings == null) {
                throw missing("deep_linking_settings");
            }
            String returnUrl = Launch.string(settings, "deep_link_return_url");
            if (returnUrl == null) {
                throw missing("deep_linking_settings.deep_link_return_url");
            }
            if (LaunchController.origin(returnUrl) == null) {
                // The answer is a form posted there: only a web address, never a script URL.
                throw LaunchRefused.bad("Your LMS sent an address Paperclub cannot answer to. Tell your LMS administrator.",
                        "deep_link_return_url \"" + returnUrl + "\" is not an http(s) address.");
            }
            if (!(settings.get("accept_types") instanceof List<?>)) {
                throw missing("deep_linking_settings.accept_types");
            }
        }
        // The id_token's target is what the platform signed; the login's is what it asked for. Paperclub opens only
        // its own pages, whichever it follows.
        String targetLinkUri = target != null ? target : login.targetLinkUri();
        if (!onThisSite(targetLinkUri)) {
            throw LaunchRefused.bad("This LMS link points somewhere other than Paperclub.",
                    "target_link_uri \"" + targetLinkUri + "\" is not on " + site.publicUrl() + ".");
        }
        Instant keepUntil = exp.toInstant().plus(SKEW);
        if (!states.firstUse(registration.issuer(), nonce, keepUntil)) {
            throw LaunchRefused.untrusted("The id_token's nonce was used before: this launch is a replay.");
        }
        return new Launch(registration, claims, deploymentId, messageType, targetLinkUri);
    }

    /** Whether an address is one of this site's (so that a launch never sends a person elsewhere). */
    boolean onThisSite(@Nullable String uri) {
        if (uri == null) {
            return false;
        }
        String base = site.publicUrl();
        return uri.equals(base) || uri.startsWith(base + "/") || uri.startsWith(base + "?");
    }

    private static SignedJWT signed(String idToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException e) {
            throw LaunchRefused.untrusted("The id_token is not a JWT: " + e.getMessage());
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw LaunchRefused.untrusted("The id_token is not signed (alg " + jwt.getHeader().getAlgorithm() + "); RS256 is required.");
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw LaunchRefused.untrusted("The id_token is signed with " + signed.getHeader().getAlgorithm()
                    + "; LTI 1.3 requires RS256.");
        }
        if (signed.getHeader().getKeyID() == null || signed.getHeader().getKeyID().isBlank()) {
            throw LaunchRefused.untrusted("The id_token's header has no kid: Paperclub cannot tell which platform key signed it.");
        }
        return signed;
    }

    private JWTClaimsSet verifiedClaims(SignedJWT jwt, Registration registration) {
        try {
            if (!jwt.verify(new RSASSAVerifier(keys.key(registration, jwt.getHeader().getKeyID())))) {
                throw LaunchRefused.untrusted("The id_token's signature does not verify with the platform's key \""
                        + jwt.getHeader().getKeyID() + "\".");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!registration.issuer().equals(claims.getIssuer())) {
                throw LaunchRefused.untrusted("The id_token's issuer \"" + claims.getIssuer() + "\" is not " + registration.issuer()
                        + ", the platform this login was started for.");
            }
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(registration.clientId())) {
                throw LaunchRefused.untrusted("The id_token's audience " + audience + " does not include Paperclub's client id "
                        + registration.clientId() + ".");
            }
            String azp = stringClaim(claims, "azp");
            if ((audience.size() > 1 || azp != null) && !registration.clientId().equals(azp)) {
                throw LaunchRefused.untrusted("The id_token's authorized party (azp) \"" + azp + "\" is not Paperclub's client id "
                        + registration.clientId() + ".");
            }
            return claims;
        } catch (JOSEException e) {
            throw LaunchRefused.untrusted("The id_token's signature could not be checked: " + e.getMessage());
        } catch (ParseException e) {
            throw LaunchRefused.untrusted("The id_token's claims are not JSON: " + e.getMessage());
        }
    }

    @Nullable
    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object v = claims.getClaim(name);
        return v instanceof String s && !s.isBlank() ? s : null;
    }

    @Nullable
    private static Map<String, Object> object(JWTClaimsSet claims, String name) {
        try {
            return claims.getJSONObjectClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static LaunchRefused missing(String claim) {
        return LaunchRefused.bad("Your LMS sent an incomplete launch, so Paperclub could not open. Tell your LMS administrator.",
                "The id_token lacks the required claim " + claim + ".");
    }
}
