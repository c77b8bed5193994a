package org.paperclub.people;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.support.Api.problem;

/** With e-mail off (the embedded default), staff get the set-password links to hand out, once, as before. */
@MicronautTest
class InvitationLinkTest extends ApiTest {

    private static final String ROSTER = "/api/courses/1/roster";

    private Map<String, Object> rosterEntry(String email) {
        return ta().list(ROSTER).stream().filter(r -> email.equals(r.get("email"))).findFirst().orElseThrow();
    }

    private static String token(Object link) {
        String s = (String) link;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private void accept(String token, String password) {
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/invitations/" + token, Map.of("password", password)));
    }

    @Test
    void staff_get_the_link_once_and_sending_again_gives_a_new_one_that_replaces_it() {
        Map<String, Object> added = ta().post(ROSTER, Map.of("email", "link.only@example.edu")).body();
        assertNotNull(added.get("invitationLink"));
        assertEquals(false, added.get("invitationEmailed"));
        Map<String, Object> entry = rosterEntry("link.only@example.edu");
        assertEquals("PENDING", entry.get("invitation"));
        assertNotNull(entry.get("invitationExpiresAt"));

        Map<String, Object> again = ta().post(ROSTER + "/" + Api.longOf(entry, "userId") + "/invitation", Map.of()).body();
        assertNotEquals(added.get("invitationLink"), again.get("invitationLink"));
        problem(404, () -> accept(token(added.get("invitationLink")), "the-first-link-is-gone"));
        accept(token(again.get("invitationLink")), "the-second-link-works");
        api().login("link.only@example.edu", "the-second-link-works");
    }

    @Test
    void a_person_who_forgot_their_password_gets_a_link_from_their_staff_which_ends_their_sessions() {
        Api.Session old = student(11);
        long userId = Api.longOf(rosterEntry("student11@example.edu"), "userId");
        problem(403, () -> student(12).post(ROSTER + "/" + userId + "/invitation", Map.of()));
        Map<String, Object> issued = ta().post(ROSTER + "/" + userId + "/invitation", Map.of()).body();
        accept(token(issued.get("invitationLink")), "back-in-after-all");
        problem(401, () -> old.get("/api/me"));
        api().login("student11@example.edu", "back-in-after-all");
    }

    @Test
    void a_ta_gets_no_link_to_an_instructors_account() {
        instructor().post(ROSTER, Map.of("email", "link.staff@example.edu", "role", "INSTRUCTOR"));
        long staffId = Api.longOf(rosterEntry("link.staff@example.edu"), "userId");
        problem(403, () -> ta().post(ROSTER + "/" + staffId + "/invitation", Map.of()));
        long instructorId = Api.longOf(rosterEntry("instructor@example.edu"), "userId");
        problem(403, () -> ta().post(ROSTER + "/" + instructorId + "/invitation", Map.of()));
    }

    @Test
    void the_reset_form_says_e_mail_is_off_whatever_the_address() {
        assertEquals(false, client.toBlocking().retrieve(HttpRequest.GET("/api/auth/options"), Map.class).get("mailEnabled"));
        HttpResponse<String> known = client.toBlocking().exchange(
                HttpRequest.POST("/api/auth/password-reset", Map.of("email", "student1@example.edu")), String.class);
        HttpResponse<String> unknown = client.toBlocking().exchange(
                HttpRequest.POST("/api/auth/password-reset", Map.of("email", "nobody@example.edu")), String.class);
        assertEquals(known.code(), unknown.code());
        assertEquals(known.body(), unknown.body());
        assertTrue(known.body().contains("E-mail is off on this site"), known.body());
    }

    @Test
    void an_address_that_is_not_one_is_refused_where_it_is_typed() {
        problem(400, () -> ta().post(ROSTER, Map.of("email", "ada lovelace@example.edu")));
        problem(400, () -> ta().post(ROSTER, Map.of("email", "ada@@example.edu")));
        Map<String, Object> refused = problem(422, () -> ta().post(ROSTER + "/import", "email\nada.example.edu\n", "text/csv"));
        assertTrue(refused.toString().contains("is not an email address"), refused.toString());
    }
}
