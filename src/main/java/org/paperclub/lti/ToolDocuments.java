package org.paperclub.lti;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.paperclub.mail.MailSettings;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a platform's administrator needs to know of Paperclub, built from the site's public address
 * ({@code PAPERCLUB_PUBLIC_URL}): the tool's URLs, the Canvas developer-key JSON, and the field-by-field values for
 * Moodle's and Canvas's manual forms.
 */
@Singleton
public class ToolDocuments {

    public static final String LOGIN_PATH = "/lti/login";
    public static final String LAUNCH_PATH = "/lti/launch";
    public static final String JWKS_PATH = "/lti/jwks";
    public static final String CANVAS_PATH = "/lti/config/canvas.json";
    public static final String REGISTER_PATH = "/lti/register";

    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";
    /** What Paperclub asks of a platform: grade columns and scores (AGS 2.0), and the roster (NRPS 2.0). */
    public static final List<String> SCOPES = List.of(AGS + "lineitem", AGS + "lineitem.readonly", AGS + "result.readonly",
            AGS + "score", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    /** The OpenID claims of a person Paperclub uses: who they are, their name for the roster and their address. */
    public static final List<String> CLAIMS = List.of("iss", "sub", "name", "given_name", "family_name", "email");

    static final String TITLE = "Paperclub";
    static final String DESCRIPTION = "Paper-seminar courses: the schedule and readings, sign-ups for presentations and "
            + "supporting roles, one-page critiques, and participation grades sent back to the LMS gradebook.";

    private final MailSettings site;

    ToolDocuments(MailSettings site) {
        this.site = site;
    }

    public String loginUrl() {
        return site.link(LOGIN_PATH);
    }

    public String launchUrl() {
        return site.link(LAUNCH_PATH);
    }

    public String jwksUrl() {
        return site.link(JWKS_PATH);
    }

    /** A Dynamic Registration link: the platform adds its {@code openid_configuration} and {@code registration_token}. */
    public String registerUrl(String token) {
        return site.link(REGISTER_PATH + "/" + token);
    }

    public String domain() {
        return URI.create(site.publicUrl()).getHost();
    }

    /** One field of an LMS's form and what to put in it. */
    @Serdeable
    public record Field(String field, String value) {
    }

    /** Everything to paste into an LMS, whichever it is. */
    @Serdeable
    public record ToolDetails(String loginUrl, String launchUrl, List<String> redirectUris, String jwksUrl,
                              String deepLinkingUrl, String canvasConfigUrl, String domain, List<String> scopes,
                              List<Field> canvas, List<Field> moodle) {
    }

    public ToolDetails details() {
        String launch = launchUrl();
        List<Field> canvas = List.of(
                new Field("Method", "Paste JSON (or Enter URL: " + site.link(CANVAS_PATH) + ")"),
                new Field("Redirect URIs", launch),
                new Field("Target Link URI", launch),
                new Field("OpenID Connect Initiation Url", loginUrl()),
                new Field("JWK Method", "Public JWK URL"),
                new Field("Public JWK URL", jwksUrl()));
        List<Field> moodle = List.of(
                new Field("Tool URL", launch),
                new Field("LTI version", "LTI 1.3"),
                new Field("Public key type", "Keyset URL"),
                new Field("Public keyset", jwksUrl()),
                new Field("Initiate login URL", loginUrl()),
                new Field("Redirection URI(s)", launch),
                new Field("Supports Deep Linking (Content-Item Message)", "Yes"),
                new Field("Content Selection URL", launch),
                new Field("IMS LTI Assignment and Grade Services", "Use this service for grade sync and column management"),
                new Field("IMS LTI Names and Role Provisioning", "Use this service to retrieve members' information as per privacy settings"),
                new Field("Share launcher's name with tool", "Always"),
                new Field("Share launcher's email with tool", "Always"));
        return new ToolDetails(loginUrl(), launch, List.of(launch), jwksUrl(), launch, site.link(CANVAS_PATH), domain(), SCOPES,
                canvas, moodle);
    }

    /**
     * The Canvas developer key ("LTI Key", method "Paste JSON" or "Enter URL"), in the keys of Canvas's tool
     * configuration: the deep-linking placements let an instructor add Paperclub to a module or as an assignment.
     */
    public Map<String, Object> canvas() {
        String launch = launchUrl();
        List<Map<String, Object>> placements = List.of(
                placement("course_navigation", "LtiResourceLinkRequest", launch),
                placement("link_selection", "LtiDeepLinkingRequest", launch),
                placement("assignment_selection", "LtiDeepLinkingRequest", launch));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("text", TITLE);
        settings.put("placements", placements);
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("platform", "canvas.instructure.com");
        extension.put("domain", domain());
        extension.put("tool_id", "paperclub");
        extension.put("privacy_level", "public");
        extension.put("settings", settings);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", TITLE);
        json.put("description", DESCRIPTION);
        json.put("oidc_initiation_url", loginUrl());
        json.put("target_link_uri", launch);
        json.put("public_jwk_url", jwksUrl());
        json.put("scopes", SCOPES);
        json.put("extensions", List.of(extension));
        json.put("claims", CLAIMS);
        return json;
    }

    private static Map<String, Object> placement(String placement, String messageType, String target) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("placement", placement);
        p.put("message_type", messageType);
        p.put("target_link_uri", target);
        p.put("text", TITLE);
        return p;
    }
}
