package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;
import org.paperclub.support.Race;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Capacities and "one role per session" hold under real parallel requests, because the database holds them
 * (row locks and unique keys), not the JVM: the same test runs on H2 and on PostgreSQL.
 */
@MicronautTest
class SignupConcurrencyTest extends ApiTest {

    private static final String BASE = "/api/courses/2";
    private final List<Api.Session> crowd = new ArrayList<>();
    private final List<Long> crowdIds = new ArrayList<>();
    private long firstSession;
    private long secondSession;
    private long thirdSession;
    private long fourthSession;
    private long peerReviewer;
    private long hacker;

    @BeforeAll
    void twoHundredStudentsSignIn() {
        StringBuilder csv = new StringBuilder("email,name,role\n");
        for (int i = 1; i <= 200; i++) {
            csv.append("crowd").append(i).append("@example.edu,Crowd ").append(i).append(",student\n");
        }
        Map<String, Object> result = instructor().post(BASE + "/roster/import", csv.toString(), "text/csv").body();
        for (Object added : (List<?>) result.get("people")) {
            Map<?, ?> a = (Map<?, ?>) added;
            crowdIds.add(Api.longOf((Map<?, ?>) a.get("entry"), "userId"));
            crowd.add(api().acceptInvitation(a, "crowd-password-" + crowd.size()));
        }
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        List<Map<String, Object>> sessions = Api.listOf(board, "sessions").stream()
                .filter(s -> Boolean.TRUE.equals(s.get("hasRoles"))).toList();
        firstSession = Api.id(sessions.get(0));
        secondSession = Api.id(sessions.get(1));
        thirdSession = Api.id(sessions.get(2));
        fourthSession = Api.id(sessions.get(3));
        List<Map<String, Object>> roles = Api.listOf(board, "roles");
        peerReviewer = roleId(roles, "Peer Reviewer");
        hacker = roleId(roles, "Hacker");
    }

    @Test
    void two_hundred_students_racing_for_two_seats_get_exactly_two() throws Exception {
        String path = BASE + "/sessions/" + firstSession + "/roles/" + peerReviewer + "/signups";
        List<Callable<Integer>> calls = new ArrayList<>();
        for (Api.Session s : crowd) {
            calls.add(() -> s.post(path, Map.of()).code());
        }
        List<Integer> codes = Race.run(calls, 64);
        assertEquals(200, codes.size());
        assertEquals(2, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(198, codes.stream().filter(c -> c == 409).count(), "the rest hear that it is full");
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        assertEquals(2, seatsHeld(board, firstSession, peerReviewer), "no seat overbooked");
    }

    @Test
    void two_staff_moving_students_in_opposite_directions_at_once_both_succeed() throws Exception {
        long ann = crowdIds.get(10);
        long ben = crowdIds.get(11);
        Map<String, Object> annSeat = ta().post(signups(thirdSession, hacker), Map.of("studentId", ann)).body();
        Map<String, Object> benSeat = ta().post(signups(fourthSession, hacker), Map.of("studentId", ben)).body();
        long[] here = {thirdSession, fourthSession};
        long[] role = {hacker, hacker};
        long[] seat = {Api.id(annSeat), Api.id(benSeat)};
        long[] toRole = {peerReviewer, hacker};
        for (int round = 0; round < 6; round++) {
            // Ann moves to Ben's session while Ben moves to Ann's: each move holds both sessions.
            List<Callable<Integer>> calls = new ArrayList<>();
            List<Map<String, Object>> answers = java.util.Collections.synchronizedList(new ArrayList<>(List.of(Map.of(), Map.of())));
            for (int i = 0; i < 2; i++) {
                int who = i;
                Api.Session staff = i == 0 ? ta() : instructor();
                calls.add(() -> {
                    var r = staff.post(signups(here[who], role[who]) + "/" + seat[who] + "/move",
                            Map.of("sessionId", here[1 - who], "roleId", toRole[who]));
                    answers.set(who, r.body());
                    return r.code();
                });
            }
            assertEquals(List.of(200, 200), Race.run(calls, 2), "round " + round + ": neither move is refused or asked to retry");
            long annWas = here[0];
            here[0] = here[1];
            here[1] = annWas;
            for (int i = 0; i < 2; i++) {
                seat[i] = Api.id(answers.get(i));
                role[i] = toRole[i];
                toRole[i] = toRole[i] == hacker ? peerReviewer : hacker;
            }
        }
    }

    private static String signups(long session, long role) {
        return BASE + "/sessions/" + session + "/roles/" + role + "/signups";
    }

    @Test
    void fifty_parallel_requests_of_one_student_for_two_roles_of_a_session_give_at_most_one() throws Exception {
        Api.Session one = student(5);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long role = i % 2 == 0 ? peerReviewer : hacker;
            calls.add(() -> one.post(BASE + "/sessions/" + secondSession + "/roles/" + role + "/signups", Map.of()).code());
        }
        List<Integer> codes = Race.run(calls, 64);
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), codes.toString());
        Map<String, Object> board = one.get(BASE + "/signups/board");
        assertEquals(1, ((List<?>) Api.mapOf(board, "mine").get("roleSignupIds")).size());
    }

    private static long roleId(List<Map<String, Object>> roles, String name) {
        return roles.stream().filter(r -> name.equals(r.get("name"))).mapToLong(r -> Api.id(r)).findFirst().orElseThrow();
    }

    private static int seatsHeld(Map<String, Object> board, long sessionId, long roleId) {
        Map<?, ?> row = Api.listOf(board, "sessions").stream()
                .filter(s -> Api.id(s) == sessionId).findFirst().orElseThrow();
        return Api.listOf(row, "seats").stream().filter(s -> Api.longOf(s, "roleId") == roleId)
                .mapToInt(s -> ((List<?>) s.get("holders")).size()).sum();
    }
}
