package org.paperclub.signup;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full role is answered "full" from committed rows, without queueing for the session's lock (in a rush, ~30
 * students wait per role), yet never hides a seat: a withdrawal that has committed frees the seat for the very
 * next request, and every seat is still taken under the lock.
 */
@MicronautTest
class FullRoleTest extends ApiTest {

    private static final String BASE = "/api/courses/2";
    private long session;
    private long otherSession;
    private long thirdSession;
    private long fourthSession;
    private long fifthSession;
    private long sixthSession;
    private long paperOfFourth;
    private long peerReviewer;

    @BeforeAll
    void roles() {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        List<Map<String, Object>> sessions = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        session = Api.id(sessions.get(0));
        otherSession = Api.id(sessions.get(1));
        thirdSession = Api.id(sessions.get(2));
        fourthSession = Api.id(sessions.get(3));
        fifthSession = Api.id(sessions.get(4));
        sixthSession = Api.id(sessions.get(5));
        paperOfFourth = Api.longOf(Api.listOf(sessions.get(3), "papers").get(0), "paperId");
        peerReviewer = Api.listOf(board, "roles").stream().filter(r -> "Peer Reviewer".equals(r.get("name")))
                .mapToLong(Api::id).findFirst().orElseThrow();
    }

    @Test
    void a_full_role_is_answered_while_a_long_change_holds_the_sessions_lock() throws Exception {
        String path = BASE + "/sessions/" + otherSession + "/roles/" + peerReviewer + "/signups";
        assertEquals(201, student(11).post(path, Map.of()).code());
        assertEquals(201, student(12).post(path, Map.of()).code());
        Api.Session late = student(13);
        try (Connection tx = jdbc()) {
            tx.setAutoCommit(false);
            try (PreparedStatement lock = tx.prepareStatement("select id from class_session where id = ? for update")) {
                lock.setLong(1, otherSession);
                try (ResultSet rs = lock.executeQuery()) {
                    assertTrue(rs.next());
                }
            }
            // Another transaction holds the session's row lock (as a sign-up does while it writes): the answer
            // "full" needs no seat, so it does not wait for it. The time-out only guards against hanging.
            Map<String, Object> full = CompletableFuture.supplyAsync(() -> Api.problem(409, () -> late.post(path, Map.of())))
                    .get(60, TimeUnit.SECONDS);
            tx.rollback();
            assertTrue(String.valueOf(full.get("detail")).endsWith("is full (2 of 2)."), full.toString());
        }
    }

    @Test
    void a_seat_freed_by_a_withdrawal_is_taken_by_the_next_request_after_it() {
        String path = BASE + "/sessions/" + session + "/roles/" + peerReviewer + "/signups";
        Api.Session first = student(1);
        long firstSeat = Api.id(first.post(path, Map.of()).body());
        assertEquals(201, student(2).post(path, Map.of()).code());
        Api.Session third = student(3);
        Map<String, Object> full = Api.problem(409, () -> third.post(path, Map.of()));
        assertTrue(String.valueOf(full.get("detail")).endsWith("is full (2 of 2)."), full.toString());

        assertEquals(204, first.delete(path + "/" + firstSeat).code());
        HttpResponse<Map<String, Object>> taken = third.post(path, Map.of());
        assertEquals(201, taken.code(), "the seat freed a moment ago is taken");
        assertEquals(1, Api.intOf(taken.body(), "seat"), "the freed seat");
        Api.problem(409, () -> first.post(path, Map.of()));   // and the role is full again
    }

    @Test
    void once_sign_ups_froze_a_student_asking_for_a_full_role_hears_of_the_freeze_and_staff_hear_it_is_full() {
        String path = BASE + "/sessions/" + sixthSession + "/roles/" + peerReviewer + "/signups";
        assertEquals(201, student(14).post(path, Map.of()).code());
        assertEquals(201, student(15).post(path, Map.of()).code());
        long late = Api.id(student(16).get("/api/me"));
        clock.set(ZonedDateTime.now(ZoneOffset.UTC).plusYears(3));   // every session of the term has frozen
        Map<String, Object> frozen = Api.problem(409, () -> student(16).post(path, Map.of()));
        assertTrue(String.valueOf(frozen.get("detail")).contains("froze on"), frozen.toString());
        // Staff are not bound by the window: for them the role is simply full.
        Map<String, Object> full = Api.problem(409, () -> instructor().post(path, Map.of("studentId", late)));
        assertTrue(String.valueOf(full.get("detail")).endsWith("is full (2 of 2)."), full.toString());
    }

    @Test
    void a_student_holding_the_full_role_hears_that_they_hold_it_not_that_it_is_full() {
        String path = BASE + "/sessions/" + thirdSession + "/roles/" + peerReviewer + "/signups";
        assertEquals(201, student(5).post(path, Map.of()).code());
        assertEquals(201, student(6).post(path, Map.of()).code());
        Map<String, Object> again = Api.problem(409, () -> student(5).post(path, Map.of()));
        assertTrue(String.valueOf(again.get("detail")).startsWith("You already hold Peer Reviewer"), again.toString());
    }

    @Test
    void a_presenter_asking_for_a_full_role_hears_that_presenters_take_no_role_there() {
        String path = BASE + "/sessions/" + fourthSession + "/roles/" + peerReviewer + "/signups";
        assertEquals(201, student(7).post(BASE + "/sessions/" + fourthSession + "/presentations", Map.of("paperId", paperOfFourth)).code());
        assertEquals(201, student(8).post(path, Map.of()).code());
        assertEquals(201, student(9).post(path, Map.of()).code());
        Map<String, Object> refused = Api.problem(409, () -> student(7).post(path, Map.of()));
        assertTrue(String.valueOf(refused.get("detail")).startsWith("You present in session"), refused.toString());
    }

    @Test
    void seats_freed_during_a_rush_are_taken_by_at_most_their_number_and_never_hidden() throws Exception {
        String path = BASE + "/sessions/" + fifthSession + "/roles/" + peerReviewer + "/signups";
        Api.Session one = student(1);
        Api.Session two = student(2);
        long first = Api.id(one.post(path, Map.of()).body());
        long second = Api.id(two.post(path, Map.of()).body());
        List<Callable<Integer>> calls = new ArrayList<>();
        calls.add(() -> one.delete(path + "/" + first).code());
        calls.add(() -> two.delete(path + "/" + second).code());
        for (int n = 3; n <= 20; n++) {
            Api.Session racer = student(n);
            calls.add(() -> racer.post(path, Map.of()).code());
        }
        List<Integer> codes = Race.run(calls, 20);
        assertEquals(List.of(204, 204), codes.subList(0, 2), codes.toString());
        long taken = codes.subList(2, codes.size()).stream().filter(c -> c == 201).count();
        assertTrue(codes.subList(2, codes.size()).stream().allMatch(c -> c == 201 || c == 409), codes.toString());
        assertTrue(taken <= 2, "two seats freed, at most two taken: " + codes);
        assertEquals(taken, holders(fifthSession), "the board holds exactly the seats answered 201");
        if (taken < 2) {
            // Racers that heard "full" asked before a withdrawal committed; a request after it finds the seat.
            assertEquals(201, student(1).post(path, Map.of()).code());
        }
    }

    private long holders(long sessionId) {
        Map<?, ?> row = Api.listOf(student(1).get(BASE + "/signups/board"), "sessions").stream()
                .filter(s -> Api.id(s) == sessionId).findFirst().orElseThrow();
        return Api.listOf(row, "seats").stream().filter(s -> Api.longOf(s, "roleId") == peerReviewer)
                .mapToLong(s -> ((List<?>) s.get("holders")).size()).sum();
    }
}
