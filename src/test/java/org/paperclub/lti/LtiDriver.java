package org.paperclub.lti;

import io.micronaut.http.client.BlockingHttpClient;
import org.paperclub.support.Api;
import org.paperclub.support.TestPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser between a {@link TestPlatform} and the app, without a browser: the login initiation (what the LMS page
 * starts), the platform's answer (an id_token the test shapes) posted to {@code /lti/launch}, and the forms of the
 * pages after it. Redirects are not followed, so that each step's answer can be read. Registrations are written with
 * plain JDBC: their endpoints belong to another part.
 */
final class LtiDriver {

    /** What the app answered. */
    record Answer(int status, String body, HttpResponse<String> raw) {

        Optional<String> cookie(String name) {
            return raw.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** A hidden field's value on the page (the ticket of a form). */
        String field(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("No field " + name + " on the page:\n" + body);
            }
            return m.group(1).replace("&amp;", "&").replace("&quot;", "\"");
        }

        /** The course page a landing page leads to ({@code data-path}). */
        String landingPath() {
            Matcher m = Pattern.compile("data-path=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("Not a landing page (" + status + "):\n" + body);
            }
            return m.group(1);
        }

        /** The session this answer signed in, as {@link Api.Session} for the JSON API. */
        Api.Session session(BlockingHttpClient http) {
            return new Api.Session(http, cookie("PAPERCLUB_SESSION").orElseThrow(() -> new AssertionError("No session cookie:\n" + body)),
                    cookie("XSRF-TOKEN").orElse(""));
        }
    }

    /** A login initiation's answer: the redirect to the platform with its parameters. */
    record Login(Answer answer, Map<String, String> params) {
        String state() {
            return params.get("state");
        }

        String nonce() {
            return params.get("nonce");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String app;
    private final String publicUrl;

    LtiDriver(String appUrl, String publicUrl) {
        this.app = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
        this.publicUrl = publicUrl;
    }

    String target() {
        return publicUrl + "/lti/launch";
    }

    /** Registers the platform with its one deployment; returns the registration's id. */
    static long register(Connection c, TestPlatform platform, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into lti_registration (name, issuer, client_id, auth_login_url, "
                + "access_token_url, jwks_url, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setString(1, name);
            s.setString(2, platform.issuer());
            s.setString(3, platform.clientId);
            s.setString(4, platform.authLoginUrl());
            s.setString(5, platform.accessTokenUrl());
            s.setString(6, platform.jwksUrl());
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (PreparedStatement d = c.prepareStatement("insert into lti_deployment (registration_id, deployment_id) values (?, ?)")) {
                    d.setLong(1, id);
                    d.setString(2, platform.deploymentId);
                    d.executeUpdate();
                }
                return id;
            }
        }
    }

    Login login(TestPlatform platform, String loginHint, String target) {
        return login(platform.loginInitiation(loginHint, target));
    }

    Login login(Map<String, String> params) {
        Answer a = get("/lti/login?" + form(params));
        Map<String, String> p = new HashMap<>();
        String location = a.header("location");
        if (a.status() == 302 && location != null && location.contains("?")) {
            p.putAll(TestPlatform.params(location.substring(location.indexOf('?') + 1)));
        }
        return new Login(a, p);
    }

    /** A whole launch: the login, then these claims with the login's nonce, signed by the platform, posted with its state. */
    Answer launch(TestPlatform platform, Map<String, Object> claims) {
        Login login = login(platform, "hint-" + claims.get("sub"), target());
        Map<String, Object> withNonce = new LinkedHashMap<>(claims);
        withNonce.put("nonce", login.nonce());
        return post("/lti/launch", Map.of("id_token", platform.sign(withNonce), "state", login.state()));
    }

    Answer get(String path) {
        return get(path, Map.of());
    }

    Answer get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app + path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    Answer post(String path, Map<String, String> form) {
        return post(path, form(form), Map.of());
    }

    Answer post(String path, String form, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(b::header);
        return send(b);
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    static String form(List<Map.Entry<String, String>> form) {
        return form.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Rows of the tables a launch may write: a refused launch leaves every count as it was. */
    static Map<String, Long> counts(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("app_user", "external_identity", "course", "enrollment", "lti_context", "sign_in_session", "lti_ticket")) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from " + table)) {
                r.next();
                counts.put(table, r.getLong(1));
            }
        }
        return counts;
    }
}
