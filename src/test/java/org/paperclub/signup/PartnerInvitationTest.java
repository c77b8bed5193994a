package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.people.CourseRole;
import org.paperclub.signup.SignupService.Actor;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperclub.signup.SignupTest.id;
import static org.paperclub.signup.SignupTest.list;
import static org.paperclub.signup.SignupTest.names;
import static org.paperclub.signup.SignupTest.sessions;
import static org.paperclub.support.Api.problem;

/**
 * A partner named by email when signing up to present is asked, and joins only on accepting; the sign-up rules
 * (team size, presentations per student, no role where presenting) apply at acceptance. Cornell demo course: teams
 * of at most two, each student presents once.
 */
@MicronautTest(transactional = false)   // a rolled-back acceptance must be the service's own transaction, not the test's
class PartnerInvitationTest extends ApiTest {

    @Inject
    SignupService signups;

    @Inject
    TransactionOperations<Connection> transactions;

    static final String BASE = "/api/courses/2";
    private List<Map<String, Object>> presentationSessions;
    private Map<String, Object> hacker;

    @BeforeAll
    void readTheBoard() {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        presentationSessions = sessions(board).stream().filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        hacker = list(board, "roles").stream().filter(r -> "Hacker".equals(r.get("name"))).findFirst().orElseThrow();
    }

    long session(int n) {
        return id(presentationSessions.get(n));
    }

    long paperOf(int n, int k) {
        return ((Number) list(presentationSessions.get(n), "papers").get(k).get("paperId")).longValue();
    }

    Map<String, Object> ask(int student, int session, int paper, int partner) {
        return student(student).post(BASE + "/sessions/" + session(session) + "/presentations",
                Map.of("paperId", paperOf(session, paper), "partnerEmail", "student" + partner + "@example.edu")).body();
    }

    List<Map<String, Object>> invitationsOf(int student) {
        return list((Map<String, Object>) student(student).get(BASE + "/signups/board").get("mine"), "invitations");
    }

    Map<String, Object> presentation(long id) {
        return sessions(student(1).get(BASE + "/signups/board")).stream().flatMap(s -> list(s, "presentations").stream())
                .filter(p -> id(p) == id).findFirst().orElseThrow();
    }

    @Test
    void a_partner_named_by_email_is_asked_and_joins_only_on_accepting() {
        Map<String, Object> asked = ask(1, 0, 0, 2);
        assertEquals(List.of("Student 1"), names(asked));
        assertEquals(List.of("Student 2"), list(presentation(id(asked)), "invited").stream().map(p -> p.get("name")).toList(),
                "the board shows who is asked");
        Map<String, Object> invitation = invitationsOf(2).get(0);
        assertEquals("Student 1", invitation.get("invitedBy"));
        assertEquals(id(asked), Api.longOf(invitation, "presentationId"));
        List<Map<String, Object>> notices = list(student(2).get(BASE + "/signups/board"), "notices");
        assertTrue(notices.stream().anyMatch(n -> ((String) n.get("detail")).startsWith("Student 1 asked Student 2 to present")), notices.toString());

        Map<String, Object> team = student(2).post(BASE + "/signups/invitations/" + id(invitation) + "/accept", Map.of()).body();
        assertEquals(List.of("Student 1", "Student 2"), names(team));
        assertTrue(list(team, "invited").isEmpty());
        assertTrue(invitationsOf(2).isEmpty(), "answered");
        problem(404, () -> student(2).post(BASE + "/signups/invitations/" + id(invitation) + "/accept", Map.of()));
    }

    @Test
    void a_declined_invitation_is_gone_and_the_student_who_asked_is_told() {
        Map<String, Object> asked = ask(3, 1, 0, 4);
        long invitation = id(invitationsOf(4).get(0));
        assertEquals(204, student(4).post(BASE + "/signups/invitations/" + invitation + "/decline", Map.of()).code());
        Map<String, Object> p = presentation(id(asked));
        assertEquals(List.of("Student 3"), names(p));
        assertTrue(list(p, "invited").isEmpty());
        assertTrue(list(student(3).get(BASE + "/signups/board"), "notices").stream()
                .anyMatch(n -> ((String) n.get("detail")).startsWith("Student 4 declined to present")));
    }

    @Test
    void acceptance_is_refused_when_the_team_has_filled_up_meanwhile() {
        ask(5, 2, 0, 6);
        student(7).post(BASE + "/sessions/" + session(2) + "/presentations", Map.of("paperId", paperOf(2, 0)));   // takes the last place
        long invitation = id(invitationsOf(6).get(0));
        Map<String, Object> refused = problem(409, () -> student(6).post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of()));
        assertTrue(((String) refused.get("detail")).contains("is full (2 of 2)"), (String) refused.get("detail"));
        assertEquals(1, invitationsOf(6).size(), "a refused acceptance keeps the invitation");
    }

    @Test
    void acceptance_is_refused_when_the_partner_already_presents() {
        ask(8, 3, 0, 9);
        student(9).post(BASE + "/sessions/" + session(4) + "/presentations", Map.of("paperId", paperOf(4, 0)));
        long invitation = id(invitationsOf(9).get(0));
        Map<String, Object> refused = problem(409, () -> student(9).post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of()));
        assertEquals("Student 9 already presents in this course (each student presents once).", refused.get("detail"));
    }

    @Test
    void acceptance_is_refused_when_the_partner_holds_a_role_in_that_session() {
        ask(10, 5, 0, 11);
        student(11).post(BASE + "/sessions/" + session(5) + "/roles/" + id(hacker) + "/signups", Map.of());
        long invitation = id(invitationsOf(11).get(0));
        Map<String, Object> refused = problem(409, () -> student(11).post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of()));
        assertTrue(((String) refused.get("detail")).contains("a presenter cannot also take a supporting role there"));
    }

    @Test
    void only_the_invited_student_answers_an_invitation() {
        ask(12, 6, 0, 13);
        long invitation = id(invitationsOf(13).get(0));
        problem(404, () -> student(14).post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of()));
        problem(404, () -> student(12).post(BASE + "/signups/invitations/" + invitation + "/decline", Map.of()));
        problem(404, () -> ta().post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of()));
        assertEquals(1, invitationsOf(13).size());
    }

    @Test
    void a_partner_named_by_staff_joins_at_once() {
        long s15 = Api.id(student(15).get("/api/me"));
        long s16 = Api.id(student(16).get("/api/me"));
        Map<String, Object> team = ta().post(BASE + "/sessions/" + session(7) + "/presentations",
                Map.of("paperId", paperOf(7, 0), "studentId", s15, "partnerId", s16)).body();
        assertEquals(List.of("Student 15", "Student 16"), names(team));
    }

    @Test
    void a_rolled_back_acceptance_tells_the_student_who_asked_nothing() {
        ask(19, 4, 1, 20);
        long invitation = id(invitationsOf(20).get(0));
        Actor partner = new Actor(Api.id(student(20).get("/api/me")), CourseRole.STUDENT);
        assertThrows(IllegalStateException.class, () -> transactions.executeWrite(status -> {
            signups.answerInvitation(2, invitation, partner, true);
            throw new IllegalStateException("something later in the same transaction failed");
        }));
        assertEquals(1, invitationsOf(20).size(), "nothing was accepted");
        assertTrue(answersTo(19).isEmpty(), "so nothing was told");

        student(20).post(BASE + "/signups/invitations/" + invitation + "/accept", Map.of());
        assertEquals(1, answersTo(19).size());
    }

    private List<Map<String, Object>> answersTo(int student) {
        return Api.listOf(student(student).get("/api/me/notifications?limit=100"), "items").stream()
                .filter(n -> "PARTNER_ANSWERED".equals(n.get("kind"))).toList();
    }

    @Test
    void leaving_the_team_withdraws_its_invitation() {
        Map<String, Object> asked = ask(17, 1, 1, 18);
        assertEquals(1, invitationsOf(18).size());
        student(17).delete(BASE + "/sessions/" + session(1) + "/presentations/" + id(asked));
        assertTrue(invitationsOf(18).isEmpty(), "the team is gone, and its invitation with it");
    }
}
