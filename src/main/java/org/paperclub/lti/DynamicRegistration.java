package org.paperclub.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Sha256;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LTI Dynamic Registration 1.0: the LMS opens Paperclub's registration link with its {@code openid_configuration}
 * URL (and a {@code registration_token}); Paperclub reads the platform's configuration, checks that its issuer is the
 * site it came from, registers itself at the platform's {@code registration_endpoint} and stores the platform with
 * the client id and deployment the platform answers.
 * <p>
 * The LMS opens the link in a frame, where Paperclub's session cookie (SameSite=Lax) is not sent, so a signed-in
 * session cannot authorize it. A site administrator makes the link instead: it holds a one-time secret, expires after
 * a day and registers one platform.
 */
@Singleton
public class DynamicRegistration {

    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    /** The largest configuration or registration answer read: real ones are a few kilobytes. */
    private static final int MAX_BODY = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RegistrationLinkRepository links;
    private final Registrations registrations;
    private final ToolDocuments documents;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final LazyHttpClient http = new LazyHttpClient(Duration.ofSeconds(10));

    private final Duration fetchTimeout;

    DynamicRegistration(RegistrationLinkRepository links, Registrations registrations, ToolDocuments documents, Clock clock,
                        TransactionOperations<Connection> transactions,
                        @Value("${paperclub.lti.registration-timeout:20s}") Duration fetchTimeout) {
        this.fetchTimeout = fetchTimeout;
        this.transactions = transactions;
        this.links = links;
        this.registrations = registrations;
        this.documents = documents;
        this.clock = clock;
    }

    /** A new registration link, to paste into an LMS's "register by URL" field. */
    @Serdeable
    public record NewLink(String url, Instant expiresAt) {
    }

    /** What was registered. */
    public record Registered(Registrations.RegistrationView registration, String productFamily) {
    }

    public NewLink newLink(long createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        links.save(new RegistrationLink(Sha256.hex(token), createdBy, now, now.plus(LINK_LIFETIME), null, null));
        return new NewLink(documents.registerUrl(token), now.plus(LINK_LIFETIME));
    }

    /** Runs the registration for the platform that opened the link; every refusal is a sentence for the page. */
    public Registered register(String token, @Nullable String openidConfiguration, @Nullable String registrationToken) {
        String hash = Sha256.hex(token == null ? "" : token);
        RegistrationLink link = links.findById(hash).orElse(null);
        if (link == null || link.usedAt() != null || !clock.instant().isBefore(link.expiresAt())) {
            throw ProblemException.forbidden("This registration link is not valid: it was used already, it expired, or it is "
                    + "mistyped. Make a new one on Paperclub's site administration page.");
        }
        if (openidConfiguration == null || openidConfiguration.isBlank()) {
            throw ProblemException.badRequest("The LMS did not say where its configuration is (openid_configuration). Open "
                    + "this link from the LMS's dynamic registration, not directly.");
        }
        String configProblem = RegistrationRules.urlProblem(openidConfiguration, false);
        if (configProblem != null) {
            throw ProblemException.badRequest("The LMS's configuration address \"" + openidConfiguration + "\" " + configProblem + ".");
        }
        Map<String, Object> config = fetch(HttpRequest.newBuilder(URI.create(openidConfiguration)).GET(), "configuration");
        String issuer = string(config, "issuer");
        String authorization = string(config, "authorization_endpoint");
        String tokenEndpoint = string(config, "token_endpoint");
        String jwks = string(config, "jwks_uri");
        String registrationEndpoint = string(config, "registration_endpoint");
        if (RegistrationRules.urlProblem(issuer, true) != null || !origin(issuer).equals(origin(openidConfiguration))) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS's issuer \"" + issuer + "\" is not the site its "
                    + "configuration came from (" + origin(openidConfiguration) + "), so Paperclub does not trust it.");
        }
        String endpointProblem = RegistrationRules.urlProblem(registrationEndpoint, false);
        if (endpointProblem != null) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS's registration endpoint \"" + registrationEndpoint + "\" "
                    + endpointProblem + ".");
        }
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(registrationEndpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(toolConfiguration())));
        if (registrationToken != null && !registrationToken.isBlank()) {
            post.header("Authorization", "Bearer " + registrationToken);
        }
        Map<String, Object> answer = fetch(post, "registration");
        String clientId = string(answer, "client_id");
        Object tool = answer.get(TOOL_CONFIGURATION);
        Object deployment = tool instanceof Map<?, ?> m ? m.get("deployment_id") : null;
        if (deployment == null || deployment.toString().isBlank()) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS registered Paperclub (client id " + clientId
                    + ") but named no deployment. Register the platform on Paperclub's site administration page with the "
                    + "deployment id the LMS shows.");
        }
        Map<?, ?> platform = config.get("https://purl.imsglobal.org/spec/lti-platform-configuration") instanceof Map<?, ?> p ? p : Map.of();
        String family = platform.get("product_family_code") instanceof String s ? s : "";
        Registrations.RegistrationCommand command = new Registrations.RegistrationCommand(null, issuer, clientId,
                List.of(deployment.toString()), authorization, tokenEndpoint, jwks);
        return new Registered(store(hash, command), family);
    }

    /** Stores the platform and spends the link in one transaction: a link registers one platform, once. */
    private Registrations.RegistrationView store(String hash, Registrations.RegistrationCommand command) {
        return transactions.executeWrite(status -> {
            Registrations.RegistrationView view = registrations.create(command);
            if (links.spend(hash, clock.instant(), view.id()) != 1) {
                throw ProblemException.conflict("This registration link was used at the same moment by another registration.");
            }
            return view;
        });
    }

    /** The tool's client registration (LTI Dynamic Registration 1.0, 3.4; OpenID Connect Dynamic Client Registration). */
    Map<String, Object> toolConfiguration() {
        String launch = documents.launchUrl();
        Map<String, Object> lti = new LinkedHashMap<>();
        lti.put("domain", documents.domain());
        lti.put("description", ToolDocuments.DESCRIPTION);
        lti.put("target_link_uri", launch);
        lti.put("claims", ToolDocuments.CLAIMS);
        lti.put("messages", List.of(
                Map.of("type", "LtiResourceLinkRequest", "target_link_uri", launch, "label", ToolDocuments.TITLE),
                Map.of("type", "LtiDeepLinkingRequest", "target_link_uri", launch, "label", ToolDocuments.TITLE)));
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("application_type", "web");
        c.put("response_types", List.of("id_token"));
        c.put("grant_types", List.of("implicit", "client_credentials"));
        c.put("initiate_login_uri", documents.loginUrl());
        c.put("redirect_uris", List.of(launch));
        c.put("client_name", ToolDocuments.TITLE);
        c.put("jwks_uri", documents.jwksUrl());
        c.put("token_endpoint_auth_method", "private_key_jwt");
        c.put("scope", String.join(" ", ToolDocuments.SCOPES));
        c.put(TOOL_CONFIGURATION, lti);
        return c;
    }

    private Map<String, Object> fetch(HttpRequest.Builder request, String what) {
        HttpRequest sent = request.header("Accept", "application/json").build();
        try {
            BoundedFetch.Answer response = BoundedFetch.send(http.get(), sent, MAX_BODY, fetchTimeout);
            if (response.tooLarge()) {
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS's " + what + " answer is too large to be one.");
            }
            if (response.status() / 100 != 2) {
                throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS refused the " + what + " request (HTTP "
                        + response.status() + " from " + sent.uri() + ").");
            }
            return JSONObjectUtils.parse(new String(response.body(), StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS's " + what + " answer from " + sent.uri() + " is not JSON.");
        } catch (IOException e) {
            throw new ProblemException(HttpStatus.BAD_GATEWAY, "Paperclub could not reach the LMS at " + sent.uri() + " ("
                    + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Paperclub is shutting down; try again.");
        }
    }

    private static String string(Map<String, Object> json, String key) {
        if (json.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new ProblemException(HttpStatus.BAD_GATEWAY, "The LMS's answer has no \"" + key + "\".");
    }

    /** scheme://host[:port], lower-cased where URLs are case-insensitive. */
    static String origin(String url) {
        try {
            URI u = URI.create(url);
            int port = u.getPort();
            return Objects.toString(u.getScheme(), "").toLowerCase(java.util.Locale.ROOT) + "://"
                    + Objects.toString(u.getHost(), "").toLowerCase(java.util.Locale.ROOT) + (port < 0 ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
