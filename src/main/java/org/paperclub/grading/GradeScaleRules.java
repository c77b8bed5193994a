package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.GradingPolicy.Scale;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;

import java.util.List;

/**
 * A grade must be on the course's scale for its kind: points from 0 to the maximum, or one of the marks, which
 * stands for its points. Anything else is refused with the scale spelled out, so the grader can correct it.
 */
final class GradeScaleRules {

    private GradeScaleRules() {
    }

    record Value(double points, @Nullable String mark) {
    }

    static Value read(Scale scale, @Nullable Double points, @Nullable String mark, String what) {
        if (scale.type() == GradingPolicy.ScaleType.MARKS) {
            if (mark == null || mark.isBlank()) {
                throw ProblemException.invalid(what + " are graded with marks: " + scale.describe() + ". Choose one.",
                        List.of(new Violation("mark", "is required on this scale")));
            }
            return scale.mark(mark).map(m -> new Value(m.points(), m.label()))
                    .orElseThrow(() -> ProblemException.invalid("“" + mark.strip() + "” is not a mark of this course; the marks are "
                            + scale.describe() + ".", List.of(new Violation("mark", "is not on the scale"))));
        }
        if (points == null || points.isNaN() || points.isInfinite()) {
            throw ProblemException.invalid(what + " are graded in points, " + scale.describe() + ". Enter a number.",
                    List.of(new Violation("points", "is required on this scale")));
        }
        if (points < 0 || points > scale.maxPoints()) {
            throw ProblemException.invalid(GradingPolicy.number(points) + " is outside the scale: " + what.toLowerCase()
                    + " get " + scale.describe() + ".", List.of(new Violation("points", "must be between 0 and "
                    + GradingPolicy.number(scale.maxPoints()))));
        }
        return new Value(points, null);
    }
}
