package org.paperclub.critique;

import org.junit.jupiter.api.Test;
import org.paperclub.course.Course;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.paperclub.critique.DeadlineRulesTest.COURSE;
import static org.paperclub.critique.DeadlineRulesTest.SESSION_7;

class CritiqueRulesTest {

    @Test
    void a_new_critique_takes_the_lowest_free_place_of_the_session() {
        Course two = new Course(1L, "X", "X", "Fall", "America/New_York", null, 10, 2, 1, 1, 0, 1, 2, 1, 3, 24, null, null, null, Instant.EPOCH);
        assertEquals(1, CritiqueRules.freePlace(two, Set.of()));
        assertEquals(2, CritiqueRules.freePlace(two, Set.of(1)));
        assertEquals(0, CritiqueRules.freePlace(two, Set.of(1, 2)));
        assertEquals("You already handed in a critique of “A”, “B” for session 3; at most 2 per session. Re-upload that one instead.",
                CritiqueRules.sessionFull(two, SESSION_7, List.of("A", "B")));
    }

    @Test
    void a_course_with_one_critique_per_session_says_so_when_a_second_paper_comes() {
        assertEquals(0, CritiqueRules.freePlace(COURSE, Set.of(1)));
        assertEquals("You already handed in a critique of “DDPM” for session 3; one critique per session. Re-upload that one instead.",
                CritiqueRules.sessionFull(COURSE, SESSION_7, List.of("DDPM")));
    }
}
