package org.paperclub.people;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

// Not in a test transaction: the housekeeping called directly must commit, as jdbc() reads on its own connection.
@MicronautTest(transactional = false)
class SignInSessionTest extends ApiTest {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    private static final String NEW_PASSWORD = "a-long-new-password";

    @Inject
    SessionSecret signingSecret;

    @Inject
    SignInSessions sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    io.micronaut.security.token.jwt.validator.JsonWebTokenParser<com.nimbusds.jwt.JWT> parser;

    @Test
    void a_session_lasts_the_twelve_hours_readme_promises_in_the_token_and_in_the_cookie() throws Exception {
        HttpResponse<Map<String, Object>> response = client.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                Map.of("email", "student2@example.edu", "password", Api.PASSWORD)), MAP);
        String setCookie = response.getHeaders().getAll("Set-Cookie").stream()
                .filter(c -> c.startsWith("PAPERCLUB_SESSION=")).findFirst().orElseThrow();
        String token = setCookie.substring("PAPERCLUB_SESSION=".length(), setCookie.indexOf(';'));
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertEquals(12 * 3600, lifetime, "exp - iat of the session token");
        assertTrue(setCookie.contains("Max-Age=43200"), setCookie);
    }

    @Test
    void signing_out_ends_the_session_so_a_copy_of_its_cookie_no_longer_works() {
        Api.Session session = student(5);
        assertNotNull(session.get("/api/me"));
        assertEquals(204, session.post("/api/auth/logout", "").code());
        problem(401, () -> session.get("/api/me"));
        problem(401, () -> session.post("/api/courses/" + DEMO + "/papers", Map.of("title", "After sign-out")));
        // Signing in again makes a new session.
        assertNotNull(student(5).get("/api/me"));
    }

    @Test
    void a_token_read_before_is_checked_again_on_every_request() {
        Api.Session session = student(7);
        assertNotNull(session.get("/api/me"));
        // The parse of the token is kept (ParsedTokens); its signature is not: the same token with another signature
        // is a token nobody signed.
        String token = session.cookie();
        int signature = token.lastIndexOf('.') + 1;
        char first = token.charAt(signature);
        String resigned = token.substring(0, signature) + (first == 'A' ? 'B' : 'A') + token.substring(signature + 1);
        problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/me")
                .cookie(Cookie.of("PAPERCLUB_SESSION", resigned)).accept(MediaType.APPLICATION_JSON_TYPE), MAP));
        assertSame(parser.parse(token).orElseThrow(), parser.parse(token).orElseThrow(), "the kept parse");
        assertNotNull(session.get("/api/me"));
    }

    @Test
    void the_kept_token_parses_are_bounded() {
        assertInstanceOf(ParsedTokens.class, parser, "the JWT parser Micronaut uses");
        ParsedTokens kept = (ParsedTokens) parser;
        String token = student(8).cookie();
        for (int i = 0; i < ParsedTokens.KEPT + 10; i++) {
            // Well-formed, unsigned, each different: what a flood of made-up tokens looks like.
            kept.parse("eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("{\"sub\":\"" + i + "\"}").getBytes(StandardCharsets.UTF_8)) + ".");
        }
        assertTrue(kept.size() <= ParsedTokens.KEPT, kept.size() + " kept");
        assertTrue(kept.parse(token).isPresent());
        assertTrue(token.length() <= ParsedTokens.LONGEST, "a session token is kept: " + token.length() + " characters");
        int before = kept.size();
        String padded = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"pad\":\"" + "x".repeat(4000) + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
        assertTrue(kept.parse(padded).isPresent(), "a long token is still parsed");
        assertEquals(before, kept.size(), "but not kept");
    }

    @Test
    void a_password_change_ends_the_other_sessions_and_keeps_the_one_that_made_it() {
        Api.Session laptop = student(6);
        Api.Session phone = student(6);
        assertEquals(204, laptop.put("/api/me/password", Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD)).code());
        assertEquals("student6@example.edu", laptop.get("/api/me").get("email"));
        problem(401, () -> phone.get("/api/me"));
        assertNotNull(api().login("student6@example.edu", NEW_PASSWORD).get("/api/me"));
    }

    @Test
    void staff_sign_a_person_out_everywhere() {
        Api.Session laptop = student(7);
        Api.Session phone = student(7);
        long id = Api.id(laptop.get("/api/me"));
        problem(403, () -> student(8).post(signOut(id), ""));
        assertEquals(204, ta().post(signOut(id), "").code());
        problem(401, () -> laptop.get("/api/me"));
        problem(401, () -> phone.get("/api/me"));
        assertNotNull(student(7).get("/api/me"), "they can sign in again");

        long instructorId = Api.id(instructor().get("/api/me"));
        problem(403, () -> ta().post(signOut(instructorId), ""));
        problem(404, () -> ta().post("/api/courses/" + DEMO + "/roster/999999/sign-out", ""));
    }

    @Test
    void a_signed_token_that_does_not_name_a_user_by_number_is_401_not_500() throws Exception {
        Api.Session session = student(9);
        JWTClaimsSet claims = SignedJWT.parse(session.cookie()).getJWTClaimsSet();
        for (String subject : List.of("not-a-number", "", "-1", "99999999999999999999")) {
            String forged = sign(new JWTClaimsSet.Builder(claims).subject(subject).build());
            problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/me")
                    .cookie(Cookie.of("PAPERCLUB_SESSION", forged)).accept(MediaType.APPLICATION_JSON_TYPE), MAP));
        }
    }

    @Test
    void a_session_belongs_to_its_user_even_in_a_token_signed_with_the_secret() throws Exception {
        Api.Session session = student(10);
        long instructorId = Api.id(instructor().get("/api/me"));
        JWTClaimsSet claims = SignedJWT.parse(session.cookie()).getJWTClaimsSet();
        String forged = sign(new JWTClaimsSet.Builder(claims).subject(String.valueOf(instructorId)).build());
        problem(401, () -> client.toBlocking().retrieve(HttpRequest.GET("/api/me")
                .cookie(Cookie.of("PAPERCLUB_SESSION", forged)).accept(MediaType.APPLICATION_JSON_TYPE), MAP));
    }

    @Test
    void an_expired_session_is_refused_and_then_forgotten_with_old_throttle_counts() throws Exception {
        clock.freeze();
        Api.Session session = student(11);
        long id = Api.id(session.get("/api/me"));
        problem(401, () -> api().login("student11@example.edu", "a-wrong-guess"));
        clock.advance(Duration.ofHours(12).minusMillis(1));
        assertEquals(id, Api.id(session.get("/api/me")), "a millisecond before its twelve hours are over");
        clock.advance(Duration.ofMillis(1));
        problem(401, () -> session.get("/api/me"));

        // The throttle remembers the account's own client for 30 days after its last good sign-in.
        clock.advance(Duration.ofDays(30));
        sessions.forgetExpired();
        throttle.forgetOld();
        assertEquals(0, count("select count(*) from sign_in_session where user_id = " + id));
        assertEquals(0, count("select count(*) from sign_in_throttle where throttle_key like '%student11@%'"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = jdbc(); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(signingSecret.value().getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String signOut(long userId) {
        return "/api/courses/" + DEMO + "/roster/" + userId + "/sign-out";
    }
}
