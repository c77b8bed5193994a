package org.paperclub.people;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

@MicronautTest
class AuthTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Test
    void sign_in_sets_an_http_only_same_site_session_cookie_and_a_readable_csrf_cookie() {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                Map.of("email", "Student1@Example.edu ", "password", "paperclub")), MAP);
        List<String> setCookies = response.getHeaders().getAll("Set-Cookie");
        String session = setCookies.stream().filter(c -> c.startsWith("PAPERCLUB_SESSION=")).findFirst().orElseThrow();
        assertTrue(session.toLowerCase().contains("httponly"), session);
        assertTrue(session.contains("SameSite=Lax"), session);
        String csrf = setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertFalse(csrf.toLowerCase().contains("httponly"), "the page must be able to read the CSRF token");
        assertEquals("student1@example.edu", response.body().get("email"));
        assertEquals(csrf.substring("XSRF-TOKEN=".length(), csrf.indexOf(';')), response.body().get("csrfToken"));
    }

    @Test
    void me_lists_the_users_courses_with_their_role() {
        Map<String, Object> me = ta().get("/api/me");
        assertEquals("ta@example.edu", me.get("email"));
        List<?> courses = (List<?>) me.get("courses");
        assertEquals(2, courses.size(), "both demo courses");
        Map<?, ?> umd = courses.stream().map(c -> (Map<?, ?>) c)
                .filter(c -> "Machine Learning at Scale".equals(c.get("title"))).findFirst().orElseThrow();
        assertEquals("TA", umd.get("role"));
    }

    @Test
    void a_wrong_password_is_refused_with_a_plain_sentence() {
        Map<String, Object> p = problem(401, () -> api().login("student2@example.edu", "wrong-password"));
        assertEquals("The email or password is not right.", p.get("detail"));
        problem(401, () -> api().login("nobody@example.edu", "paperclub"));
    }

    @Test
    void anonymous_callers_get_401_on_the_api() {
        problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/me")));
        problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/courses/1/sessions")));
        problem(401, () -> client.toBlocking().exchange(HttpRequest.POST("/api/courses/1/sessions", Map.of("topic", "x"))));
    }

    @Test
    void a_forged_or_tokenless_change_is_refused_even_with_the_session_cookie() {
        Api.Session instructor = instructor();
        Map<String, Object> paper = Map.of("title", "A forged paper");
        HttpRequest<?> noToken = HttpRequest.POST("/api/courses/1/papers", paper)
                .cookie(Cookie.of("PAPERCLUB_SESSION", instructor.cookie()));
        Map<String, Object> p = problem(403, () -> client.toBlocking().exchange(noToken));
        assertTrue(((String) p.get("detail")).contains("X-XSRF-TOKEN"));
        // A token of another session does not pass either: tokens are bound to their session.
        String othersToken = ta().csrf();
        HttpRequest<?> wrongToken = HttpRequest.POST("/api/courses/1/papers", paper)
                .cookie(Cookie.of("PAPERCLUB_SESSION", instructor.cookie())).header("X-XSRF-TOKEN", othersToken);
        problem(403, () -> client.toBlocking().exchange(wrongToken));
        assertEquals(201, instructor.post("/api/courses/1/papers", paper).code());
    }

    @Test
    void sign_out_expires_both_cookies() {
        Api.Session s = student(5);
        HttpResponse<?> response = client.toBlocking().exchange(s.authorize(HttpRequest.POST("/api/auth/logout", "")));
        assertEquals(204, response.code());
        List<String> cookies = response.getHeaders().getAll("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("PAPERCLUB_SESSION=;") && c.contains("Max-Age=0")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("XSRF-TOKEN=;") && c.contains("Max-Age=0")), cookies.toString());
    }

    @Test
    void a_user_changes_their_password_and_signs_in_with_the_new_one() {
        Api.Session s = student(6);
        problem(422, () -> s.put("/api/me/password", Map.of("currentPassword", "not-it", "newPassword", "a-long-new-password")));
        problem(400, () -> s.put("/api/me/password", Map.of("currentPassword", "paperclub", "newPassword", "short")));
        assertEquals(204, s.put("/api/me/password", Map.of("currentPassword", "paperclub", "newPassword", "a-long-new-password")).code());
        problem(401, () -> api().login("student6@example.edu", "paperclub"));
        assertNotNull(api().login("student6@example.edu", "a-long-new-password").get("/api/me"));
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        PasswordHasher hasher = new PasswordHasher(10);
        String hash = hasher.hash("paperclub");
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertTrue(hasher.matches("paperclub", hash));
        assertFalse(hasher.matches("paperclub!", hash));
    }
}
