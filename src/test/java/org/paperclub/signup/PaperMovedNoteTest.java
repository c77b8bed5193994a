package org.paperclub.signup;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.paperclub.support.Api;
import org.paperclub.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On the Cornell demo (course 2) official papers are also readings of the lectures (BigGAN is an additional reading
 * of session 9; "Diffusion Models Beat GANs" of session 13). A team is told its paper "has moved" only when the
 * reading it signed up for left its session, never because the paper is also read elsewhere.
 */
@MicronautTest
class PaperMovedNoteTest extends ApiTest {

    private static final String BASE = "/api/courses/2";

    private Api.Session ta;
    private List<Map<String, Object>> presentationSessions;

    @BeforeAll
    void readTheDemo() {
        ta = ta();
        presentationSessions = ta.list(BASE + "/sessions").stream().filter(s -> "PRESENTATION".equals(s.get("kind"))).toList();
    }

    long session(int n) {
        return Api.id(presentationSessions.get(n));
    }

    int number(int n) {
        return Api.intOf(presentationSessions.get(n), "number");
    }

    long paper(String key) {
        return ta.list(BASE + "/papers").stream().filter(p -> key.equals(p.get("key")))
                .mapToLong(p -> Api.id(p)).findFirst().orElseThrow();
    }

    long lecture(int number) {
        return Api.id(ta.list(BASE + "/sessions").stream().filter(s -> Api.intOf(s, "number") == number)
                .findFirst().orElseThrow());
    }

    List<?> notesOf(long presentationId) {
        Map<String, Object> board = student(1).get(BASE + "/signups/board");
        return Api.listOf(board, "sessions").stream()
                .flatMap(s -> Api.listOf(s, "presentations").stream())
                .filter(p -> Api.id(p) == presentationId)
                .map(p -> (List<?>) p.get("notes")).findFirst().orElseThrow();
    }

    long present(int student, int session, long paperId) {
        return Api.id(student(student).post(BASE + "/sessions/" + session(session) + "/presentations", Map.of("paperId", paperId))
                .body());
    }

    @Test
    void an_official_paper_that_is_also_a_lecture_reading_has_not_moved() {
        long team = present(2, 2, paper("brock2019"));
        assertEquals(List.of(), notesOf(team), "BigGAN is a reading of lecture 9, and it never was one of this session");
    }

    @Test
    void a_reading_of_the_team_placed_also_on_a_lecture_has_not_moved() {
        long paperId = paper("arjovsky2017");
        long team = present(3, 2, paperId);
        ta.post(BASE + "/sessions/" + lecture(9) + "/readings", Map.of("paperId", paperId, "kind", "ADDITIONAL"));
        assertEquals(List.of(), notesOf(team), "still a reading of the team's session");
    }

    @Test
    void a_reading_taken_off_the_teams_session_and_placed_on_another_has_moved() {
        long paperId = paper("song2019");
        long team = present(4, 3, paperId);
        ta.delete(BASE + "/sessions/" + session(3) + "/readings/" + paperId);
        ta.post(BASE + "/sessions/" + session(5) + "/readings", Map.of("paperId", paperId, "kind", "ASSIGNED"));
        assertEquals(List.of("“Generative Modeling by Estimating Gradients of the Data Distribution” has moved to session " + number(5)
                        + "; this team still presents it in session " + number(3) + " until staff move the team."),
                notesOf(team));
    }

    @Test
    void a_reading_taken_off_the_teams_session_is_said_so_even_when_a_lecture_still_reads_it() {
        long paperId = paper("ho2020");
        long team = present(5, 4, paperId);
        ta.post(BASE + "/sessions/" + lecture(13) + "/readings", Map.of("paperId", paperId, "kind", "ADDITIONAL"));
        ta.delete(BASE + "/sessions/" + session(4) + "/readings/" + paperId);
        assertEquals(List.of("“Denoising Diffusion Probabilistic Models” is no longer a reading of session " + number(4)
                        + "; this team still presents it there until staff move the team."),
                notesOf(team));
    }
}
