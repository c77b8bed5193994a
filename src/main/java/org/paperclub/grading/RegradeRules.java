package org.paperclub.grading;

import org.paperclub.course.GradingPolicy;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;
import org.paperclub.system.Dates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The regrade window: a student may ask for a regrade of a published grade until {@code regradeWindowDays} after
 * it was published. One function, asked by the filing of a request and by the student's grades page.
 */
final class RegradeRules {

    private RegradeRules() {
    }

    /** When the window for a grade published at {@code publishedAt} closes. */
    static Instant closesAt(GradingPolicy policy, Instant publishedAt) {
        return publishedAt.plus(Duration.ofDays(policy.regradeWindowDays()));
    }

    /** Refuses a request filed after the window closed; the sentence gives the closing time in the course's zone. */
    static void requireOpen(GradingPolicy policy, Instant publishedAt, Instant now, ZoneId zone) {
        Instant closes = closesAt(policy, publishedAt);
        if (now.isAfter(closes)) {
            throw ProblemException.invalid("Regrade requests for this grade closed on "
                    + Dates.WHEN.format(closes.atZone(zone)) + ", " + policy.regradeWindowDays()
                    + " days after it was published. Talk to your instructor if something is wrong.",
                    List.of(new Violation("gradeId", "the regrade window has closed")));
        }
    }
}
