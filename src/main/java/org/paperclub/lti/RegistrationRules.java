package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.Text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a platform's registration must hold before it is stored: every field, each within its column, URLs that a
 * browser and this server can reach safely (https; plain http only on this machine, as the test platform runs), and
 * an issuer that is a URL with neither query nor fragment (LTI Core 1.3, 5.1.2: {@code iss} is a case-sensitive URL
 * compared as it is, so it is kept exactly as given apart from surrounding spaces).
 */
final class RegistrationRules {

    static final int NAME = 200;
    static final int ISSUER = 500;
    static final int CLIENT_ID = 255;
    static final int URL = 1000;
    static final int DEPLOYMENT_ID = 255;

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private RegistrationRules() {
    }

    /** The checked, trimmed values of a registration, or the list of what is wrong. */
    record Checked(String name, String issuer, String clientId, List<String> deploymentIds, String authLoginUrl,
                   String accessTokenUrl, String jwksUrl, List<Violation> violations, List<String> sentences) {
    }

    /**
     * What is wrong, twice: per field, worded to follow the field's label on the page ("is missing"), and as a whole
     * sentence for the problem's detail ("The client id is missing.").
     */
    private static final class Findings {
        final List<Violation> violations = new ArrayList<>();
        final List<String> sentences = new ArrayList<>();

        void add(String field, String subject, String problem) {
            violations.add(new Violation(field, problem));
            sentences.add(subject + " " + problem + ".");
        }

        boolean about(String field) {
            return violations.stream().anyMatch(x -> field.equals(x.field()));
        }
    }

    static Checked check(Registrations.RegistrationCommand c) {
        Findings v = new Findings();
        String issuer = trim(c.issuer());
        String clientId = trim(c.clientId());
        String auth = trim(c.authLoginUrl());
        String token = trim(c.accessTokenUrl());
        String jwks = trim(c.jwksUrl());
        url(v, "issuer", "The issuer", issuer, ISSUER, true);
        text(v, "clientId", "The client id", clientId, CLIENT_ID);
        url(v, "authLoginUrl", "The OIDC authentication (login) URL", auth, URL, false);
        url(v, "accessTokenUrl", "The access token URL", token, URL, false);
        url(v, "jwksUrl", "The JWKS (public keys) URL", jwks, URL, false);
        List<String> deployments = new ArrayList<>();
        if (c.deploymentIds() == null || c.deploymentIds().stream().allMatch(d -> trim(d).isEmpty())) {
            v.add("deploymentIds", "At least one deployment id", "is needed: the platform shows it when the tool is deployed "
                    + "(in Canvas, \"Deployment Id\" in the app's settings menu)");
        } else {
            Set<String> seen = new HashSet<>();
            for (String raw : c.deploymentIds()) {
                String d = trim(raw);
                if (d.isEmpty()) {
                    continue;
                }
                String problem = Text.singleLine(d);
                String subject = "The deployment id \"" + shorten(d) + "\"";
                if (d.length() > DEPLOYMENT_ID) {
                    v.add("deploymentIds", subject, "is " + d.length() + " characters long; at most " + DEPLOYMENT_ID + " are allowed");
                } else if (problem != null) {
                    v.add("deploymentIds", subject, problem);
                } else if (!seen.add(d)) {
                    v.add("deploymentIds", subject, "is listed twice");
                } else {
                    deployments.add(d);
                }
            }
        }
        String name = trim(c.name());
        if (name.isEmpty() && !v.about("issuer")) {
            name = URI.create(issuer).getHost();
        }
        if (name.length() > NAME) {
            v.add("name", "The name", "is " + name.length() + " characters long; at most " + NAME + " are allowed");
        } else if (Text.singleLine(name) != null) {
            v.add("name", "The name", Text.singleLine(name));
        }
        return new Checked(name, issuer, clientId, deployments, auth, token, jwks, v.violations, v.sentences);
    }

    private static void text(Findings v, String field, String label, String value, int max) {
        if (value.isEmpty()) {
            v.add(field, label, "is missing");
        } else if (value.length() > max) {
            v.add(field, label, "is " + value.length() + " characters long; at most " + max + " are allowed");
        } else if (Text.singleLine(value) != null) {
            v.add(field, label, Text.singleLine(value));
        }
    }

    private static void url(Findings v, String field, String label, String value, int max, boolean issuer) {
        if (v.about(field)) {
            return;
        }
        text(v, field, label, value, max);
        if (v.about(field)) {
            return;
        }
        String problem = urlProblem(value, issuer);
        if (problem != null) {
            v.add(field, label + " \"" + shorten(value) + "\"", problem);
        }
    }

    /** What keeps the value from being a URL Paperclub will call or trust, or null when nothing does. */
    @Nullable
    static String urlProblem(String value, boolean issuer) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a URL";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "is not a full URL (it must start with https:// and name a host)";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return "must start with https:// (plain http is allowed only for 127.0.0.1, localhost or [::1])";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not hold a user name or password";
        }
        if (issuer && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
            return "must not have a query (?...) or fragment (#...): an LTI issuer is a plain https URL";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment (#...)";
        }
        return null;
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
