package org.paperclub.grading;

import org.junit.jupiter.api.Test;
import org.paperclub.course.GradingPolicy;
import org.paperclub.system.ProblemException;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RegradeRulesTest {

    static final GradingPolicy SEVEN_DAYS = GradingPolicy.defaults();
    static final Instant PUBLISHED = Instant.parse("2024-10-01T16:00:00Z");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void the_regrade_window_closes_the_policy_days_after_publication() {
        assertEquals(7, SEVEN_DAYS.regradeWindowDays());
        assertEquals(Instant.parse("2024-10-08T16:00:00Z"), RegradeRules.closesAt(SEVEN_DAYS, PUBLISHED));
    }

    @Test
    void a_request_at_the_last_moment_of_the_window_is_taken() {
        assertDoesNotThrow(() -> RegradeRules.requireOpen(SEVEN_DAYS, PUBLISHED, Instant.parse("2024-10-08T16:00:00Z"), NEW_YORK));
    }

    @Test
    void a_request_after_the_window_is_refused_with_its_closing_time_in_the_course_zone() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> RegradeRules.requireOpen(SEVEN_DAYS, PUBLISHED, Instant.parse("2024-10-08T16:00:01Z"), NEW_YORK));
        assertEquals("Regrade requests for this grade closed on Tue 8 Oct 2024 at 12:00 EDT, 7 days after it was published. "
                + "Talk to your instructor if something is wrong.", refused.getMessage());
    }
}
