package org.paperclub.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calls the API as a browser would: session cookie, CSRF header on changes, JSON in and out. */
public final class Api {

    public static final String PASSWORD = "paperclub";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(MAP);

    private final BlockingHttpClient http;

    Api(BlockingHttpClient http) {
        this.http = http;
    }

    public Session login(String email) {
        return login(email, PASSWORD);
    }

    public Session login(String email, String password) {
        HttpResponse<Map<String, Object>> response = http.exchange(
                HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password)), MAP);
        Cookie session = response.getCookie("PAPERCLUB_SESSION").orElseThrow();
        String csrf = (String) response.body().get("csrfToken");
        return new Session(http, session.getValue(), csrf);
    }

    /**
     * Someone just added to a roster (an {@code Added} of the answer) sets their password through the invitation link
     * shown to staff, then signs in with it.
     */
    public Session acceptInvitation(Map<?, ?> added, String password) {
        String link = (String) added.get("invitationLink");
        http.exchange(HttpRequest.POST("/api/auth/invitations/" + link.substring(link.lastIndexOf('/') + 1),
                Map.of("password", password)));
        return login((String) ((Map<?, ?>) added.get("entry")).get("email"), password);
    }

    /** A signed-in user. */
    public record Session(BlockingHttpClient http, String cookie, String csrf) {

        public Map<String, Object> get(String path) {
            return http.retrieve(authorize(HttpRequest.GET(path)), MAP);
        }

        public List<Map<String, Object>> list(String path) {
            return http.retrieve(authorize(HttpRequest.GET(path)), LIST);
        }

        public String text(String path) {
            return http.retrieve(authorize(HttpRequest.GET(path)), String.class);
        }

        public HttpResponse<Map<String, Object>> post(String path, Object body) {
            return http.exchange(authorize(HttpRequest.POST(path, body)), MAP);
        }

        public List<Map<String, Object>> postForList(String path, Object body) {
            return http.retrieve(authorize(HttpRequest.POST(path, body)), LIST);
        }

        public HttpResponse<Map<String, Object>> post(String path, String body, String contentType) {
            return http.exchange(authorize(HttpRequest.POST(path, body).contentType(contentType)), MAP);
        }

        public HttpResponse<Map<String, Object>> put(String path, Object body) {
            return http.exchange(authorize(HttpRequest.PUT(path, body)), MAP);
        }

        public HttpResponse<?> delete(String path) {
            return http.exchange(authorize(HttpRequest.DELETE(path)));
        }

        /** The request signed in as this user, with the CSRF header. */
        public <T> MutableHttpRequest<T> authorize(MutableHttpRequest<T> request) {
            return request.cookie(Cookie.of("PAPERCLUB_SESSION", cookie)).header("X-XSRF-TOKEN", csrf)
                    .accept(MediaType.APPLICATION_JSON_TYPE, MediaType.of("application/problem+json"));
        }
    }

    /** A CSV download as text (asked for as text/csv). */
    public static String csv(Session who, String path) {
        return who.http().retrieve(who.authorize(io.micronaut.http.HttpRequest.GET(path)).accept("text/csv"), String.class);
    }

    /** The {@code "id"} of a JSON object. */
    public static long id(Map<?, ?> json) {
        return longOf(json, "id");
    }

    /** A JSON number as a long: it comes back as an Integer or a Long, depending on its size. */
    public static long longOf(Map<?, ?> json, String key) {
        return number(json, key).longValue();
    }

    /** A JSON number as an int. */
    public static int intOf(Map<?, ?> json, String key) {
        return number(json, key).intValue();
    }

    /** A JSON number as a double (a whole number comes back as an Integer). */
    public static double doubleOf(Map<?, ?> json, String key) {
        return number(json, key).doubleValue();
    }

    /** A JSON object inside a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapOf(Map<?, ?> json, String key) {
        return (Map<String, Object>) present(json, key);
    }

    /** A JSON array of objects inside a JSON object. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> listOf(Map<?, ?> json, String key) {
        return (List<Map<String, Object>>) present(json, key);
    }

    private static Number number(Map<?, ?> json, String key) {
        return (Number) present(json, key);
    }

    private static Object present(Map<?, ?> json, String key) {
        Object value = json.get(key);
        if (value == null) {
            throw new AssertionError("no \"" + key + "\" in " + json);
        }
        return value;
    }

    /** Asserts the call fails with this status and a problem+json body; returns the problem. */
    public static Map<String, Object> problem(int status, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(status, e.getStatus().getCode(), () -> "body: " + e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                "errors are problem+json");
        Map<String, Object> body = e.getResponse().getBody(MAP).orElseThrow();
        assertEquals(status, intOf(body, "status"));
        assertTrue(body.get("detail") instanceof String d && !d.isBlank(), "a problem says what went wrong");
        return body;
    }
}
