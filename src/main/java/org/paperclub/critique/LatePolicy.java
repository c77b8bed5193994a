package org.paperclub.critique;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A course's late policy (DESIGN.md): none accepted by default; otherwise up to three parts applied in order —
 * a grace budget for the term (days or hours, counted per started unit, at most {@code maxPerItem} per critique,
 * spent automatically), then a penalty on what is still late (a schedule of points kept per started period, e.g.
 * 80, 60, 40, 20 % on days 1-4, or a rate such as 1 % per hour), then a cut-off after which nothing is accepted,
 * measured from the deadline with grace included.
 */
@Serdeable
public record LatePolicy(boolean accepted, @Nullable Grace grace, @Nullable Penalty penalty, @Nullable Integer cutoffHours) {

    public enum Unit {
        HOURS(1), DAYS(24);

        final int hours;

        Unit(int hours) {
            this.hours = hours;
        }
    }

    @Serdeable
    public record Grace(Unit unit, int budget, @Nullable Integer maxPerItem) {
    }

    /** Either {@code keepPercent} per started period (beyond the list: 0 % kept) or {@code ratePercent} off per period. */
    @Serdeable
    public record Penalty(Unit per, @Nullable List<Integer> keepPercent, @Nullable Double ratePercent) {
    }

    public static LatePolicy none() {
        return new LatePolicy(false, null, null, null);
    }
}
