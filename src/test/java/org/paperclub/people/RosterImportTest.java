package org.paperclub.people;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** A big roster imports in one short request; new accounts get a set-password link each; the file must be UTF-8. */
@MicronautTest
class RosterImportTest extends ApiTest {

    private static final String ROSTER = "/api/courses/2/roster";
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private long count(String sql, Object... args) {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(Map<?, ?> added) {
        String link = (String) added.get("invitationLink");
        assertTrue(link.startsWith("/#/invitation/"), link);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private HttpResponse<Map<String, Object>> importBytes(Api.Session staff, byte[] csv) {
        return client.toBlocking().exchange(staff.authorize(HttpRequest.POST(ROSTER + "/import", csv).contentType("text/csv")), MAP);
    }

    @Test
    void five_thousand_new_students_are_enrolled_in_one_request_without_a_password_hash_each() {
        StringBuilder csv = new StringBuilder("email,name,role,section\n");
        for (int i = 1; i <= 5000; i++) {
            csv.append("bulk").append(i).append("@example.edu,Bulk Student ").append(i).append(",student,0").append(100 + i % 4).append('\n');
        }
        long enrolledBefore = count("select count(*) from enrollment where course_id = 2");
        long started = System.nanoTime();
        Map<String, Object> result = ta().post(ROSTER + "/import", csv.toString(), "text/csv").body();
        System.out.printf("ROSTER-IMPORT 5000 new students: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertEquals(5000, Api.intOf(result, "added"));
        assertEquals(5000, Api.intOf(result, "accountsCreated"));
        assertEquals(enrolledBefore + 5000, count("select count(*) from enrollment where course_id = 2"));
        assertEquals(5000, count("select count(*) from enrollment e join app_user u on u.id = e.user_id "
                + "where e.course_id = 2 and e.role = 'STUDENT' and u.email like 'bulk%@example.edu'"));
        assertEquals(0, count("select count(*) from app_user where email like 'bulk%@example.edu' and password_hash is not null"),
                "no password hash is computed for an imported account");
        List<?> people = (List<?>) result.get("people");
        assertEquals(5000, people.size());
        Map<?, ?> first = (Map<?, ?>) people.get(0);
        String token = token(first);
        assertEquals(5000, count("select count(*) from invitation i join app_user u on u.id = i.user_id "
                + "where u.email like 'bulk%@example.edu' and i.used_at is null"));
        assertEquals(0, count("select count(*) from invitation where token_hash = ?", token), "the token itself is not stored");
        assertEquals(1, count("select count(*) from invitation where token_hash = ?", sha256(token)));

        // The link works once: the password is set, the second use is refused, the password stays the first one.
        Map<String, Object> view = client.toBlocking().retrieve(HttpRequest.GET("/api/auth/invitations/" + token), MAP);
        assertEquals("bulk1@example.edu", view.get("email"));
        Map<String, Object> me = api().acceptInvitation(first, "first-password-1").get("/api/me");
        assertEquals("bulk1@example.edu", me.get("email"));
        Map<String, Object> p = problem(404, () -> client.toBlocking().exchange(
                HttpRequest.POST("/api/auth/invitations/" + token, Map.of("password", "second-password-2"))));
        assertTrue(((String) p.get("detail")).contains("used already"), (String) p.get("detail"));
        problem(401, () -> api().login("bulk1@example.edu", "second-password-2"));
        assertNotNull(api().login("bulk1@example.edu", "first-password-1"));
    }

    @Test
    void an_account_without_a_password_cannot_sign_in_with_any_password() {
        Map<String, Object> result = ta().post(ROSTER + "/import", "email,name\nnopass@example.edu,No Password\n", "text/csv").body();
        assertEquals(1, Api.intOf(result, "accountsCreated"));
        for (String guess : List.of("paperclub", "null", "x", " ", "nopass@example.edu")) {
            int status = guess.isBlank() ? 400 : 401;
            problem(status, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                    Map.of("email", "nopass@example.edu", "password", guess))));
        }
    }

    @Test
    void an_expired_or_replaced_link_is_refused() {
        clock.freeze();
        Map<String, Object> added = ta().post(ROSTER, Map.of("email", "late.comer@example.edu")).body();
        String token = token(added);
        clock.advance(Duration.ofDays(14));   // a link lasts 14 days
        problem(404, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + token,
                Map.of("password", "too-late-password"))));
        // Adding the person again gives a new link; the old one stays dead.
        Map<String, Object> again = ta().post(ROSTER, Map.of("email", "late.comer@example.edu")).body();
        String newer = token(again);
        assertFalse(newer.equals(token));
        Map<String, Object> other = ta().post(ROSTER, Map.of("email", "late.comer@example.edu")).body();
        problem(404, () -> client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + newer,
                Map.of("password", "replaced-password"))));
        assertNotNull(api().acceptInvitation(other, "on-time-password"));
    }

    @Test
    void a_latin1_file_is_refused_as_not_utf8_and_nothing_is_stored() {
        byte[] latin1 = "email,name\nzoe.bele@example.edu,Zoé Bélé\n".getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> p = problem(400, () -> importBytes(ta(), latin1));
        assertTrue(((String) p.get("detail")).contains("not UTF-8"), (String) p.get("detail"));
        assertTrue(((String) p.get("detail")).contains("line 2"), (String) p.get("detail"));
        assertEquals(0, count("select count(*) from app_user where email = 'zoe.bele@example.edu'"));
        // Text already mangled on the way (a reader's replacement character) is refused the same way.
        problem(400, () -> importBytes(ta(), "email,name\nzoe.bele@example.edu,Zo\uFFFD\n".getBytes(StandardCharsets.UTF_8)));
        // The same names in UTF-8 (with or without a byte-order mark) are stored as written.
        byte[] utf8 = "\uFEFFemail,name\nzoe.bele@example.edu,Zoé Bélé\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(200, importBytes(ta(), utf8).code());
        assertTrue(ta().list(ROSTER).stream().anyMatch(r -> "Zoé Bélé".equals(r.get("name"))));
    }

    @Test
    void a_column_named_twice_is_refused_naming_it() {
        Map<String, Object> p = problem(422, () -> ta().post(ROSTER + "/import",
                "email,name,Email\nann.twice@example.edu,Ann,other@example.edu\n", "text/csv"));
        assertTrue(((String) p.get("detail")).contains("\"Email\" twice"), (String) p.get("detail"));
        assertEquals(0, count("select count(*) from app_user where email in ('ann.twice@example.edu', 'other@example.edu')"));
    }

    private static void refusesLine(Map<String, Object> problem, String line, String words) {
        assertTrue(((List<?>) problem.get("errors")).stream().map(e -> (Map<?, ?>) e).anyMatch(e -> line.equals(e.get("field"))
                && ((String) e.get("message")).contains(words)), () -> "expected " + line + " \"" + words + "\" in " + problem);
    }

    @Test
    void control_characters_in_any_field_of_our_columns_refuse_the_file_naming_the_line() {
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import", "email,name\nq\u0000q@example.edu,Q\n", "text/csv")),
                "line 2", "not an email address");
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import", "email,name\nzz9\u0001@example.edu,Zz\n", "text/csv")),
                "line 2", "U+0001");
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import",
                "email,name,section\nok.one@example.edu,One,0101\nok.two@example.edu,Two,01\t02\n", "text/csv")), "line 3", "section");
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import",
                "email,name,role\nok.three@example.edu,Three,stu\u001bdent\n", "text/csv")), "line 2", "role");
        assertEquals(0, count("select count(*) from app_user where email like 'ok.%' or email like 'zz9%' or email like 'q%q@example.edu'"));
    }

    @Test
    void control_characters_in_canvas_ids_refuse_the_file_naming_the_line_so_they_never_reach_the_gradebook() {
        String header = "Student,ID,SIS User ID,SIS Login ID,Section\n";
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import",
                header + "\"Lovelace, Ada\",10\u000101,U1001,ada.ids@example.edu,0101\n", "text/csv")), "line 2", "Canvas ID");
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import",
                header + "\"Lovelace, Ada\",1001,2\u00003,ada.ids@example.edu,0101\n", "text/csv")), "line 2", "SIS User ID");
        refusesLine(problem(422, () -> ta().post(ROSTER + "/import",
                header + "\"Lovelace, Ada\",1001,U1001,ada.ids@example.edu,01\u202E01\n", "text/csv")), "line 2", "section");
        assertEquals(0, count("select count(*) from app_user where email = 'ada.ids@example.edu'"));
    }
}
