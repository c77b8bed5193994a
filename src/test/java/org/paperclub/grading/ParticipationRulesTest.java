package org.paperclub.grading;

import org.junit.jupiter.api.Test;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.GradingPolicy.MissingWork;
import org.paperclub.grading.ParticipationRules.Graded;
import org.paperclub.grading.ParticipationRules.Participation;
import org.paperclub.grading.ParticipationRules.Required;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The participation formula alone, with the README's worked example. */
class ParticipationRulesTest {

    static GradingPolicy cornell(MissingWork missing) {
        GradingPolicy d = GradingPolicy.defaults();
        return new GradingPolicy(d.presentationScale(), d.roleScale(), d.critiqueScale(), d.weights(), missing, 7);
    }

    @Test
    void the_readme_example_half_presentation_half_the_average_of_role_grades() {
        // 9/10 for the presentation; roles ✓+, ✓, ✓ (3, 2, 2 of 3) of 4 blocks; the fourth not graded yet.
        Graded graded = new Graded(List.of(90.0), List.of(100.0, 200 / 3.0, 200 / 3.0), List.of());
        Participation excluded = ParticipationRules.compute(cornell(MissingWork.EXCLUDED), new Required(1, 4, 0), graded);
        assertEquals(77.8, excluded.roles().percent());          // (100 + 66.7 + 66.7) / 3
        assertEquals(83.9, excluded.percent());                  // (90 × 50 + 77.8 × 50) / 100
        Participation zero = ParticipationRules.compute(cornell(MissingWork.ZERO), new Required(1, 4, 0), graded);
        assertEquals(58.3, zero.roles().percent());              // (100 + 66.7 + 66.7 + 0) / 4
        assertEquals(74.2, zero.percent());                      // (90 × 50 + 58.3 × 50) / 100 = 74.15
    }

    @Test
    void extra_critiques_only_help_the_best_required_ones_count() {
        GradingPolicy p = new GradingPolicy(GradingPolicy.Scale.points(10), GradingPolicy.Scale.checkMarks(), GradingPolicy.Scale.points(4),
                new GradingPolicy.Weights(0, 0, 100), MissingWork.ZERO, 7);
        Participation r = ParticipationRules.compute(p, new Required(0, 0, 2), new Graded(List.of(), List.of(), List.of(25.0, 100.0, 50.0)));
        assertEquals(75.0, r.critiques().percent());             // best two: (100 + 50) / 2
        assertEquals(75.0, r.percent());
        assertEquals(2, r.critiques().counted());
        assertEquals(3, r.critiques().graded());
    }

    @Test
    void a_late_penalty_scales_the_critique_grade() {
        assertEquals(37.5, ParticipationRules.percent(3, 4, 50));   // 3 of 4 points, 50 % kept
        assertEquals(100.0, ParticipationRules.percent(3, 3, 100));
    }

    @Test
    void with_nothing_graded_and_missing_work_excluded_there_is_no_grade_yet() {
        Participation r = ParticipationRules.compute(cornell(MissingWork.EXCLUDED), new Required(1, 4, 10),
                new Graded(List.of(), List.of(), List.of()));
        assertNull(r.percent());
        assertNull(r.presentation().percent());
        assertEquals("Participation: nothing graded yet.", r.explanation().get(r.explanation().size() - 1));
    }

    @Test
    void a_zero_weight_component_is_shown_but_does_not_count() {
        Participation r = ParticipationRules.compute(cornell(MissingWork.ZERO), new Required(1, 1, 2),
                new Graded(List.of(80.0), List.of(60.0), List.of(100.0, 100.0)));
        assertEquals(100.0, r.critiques().percent());
        assertEquals(70.0, r.percent());                         // (80 × 50 + 60 × 50) / 100; critiques weigh 0
    }
}
