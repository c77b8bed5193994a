package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;


import java.util.ArrayList;
import java.util.List;

/**
 * A course's late policy (README, "Critiques"): none accepted by default; otherwise up to three parts applied in order —
 * a grace budget for the term (days or hours, counted per started unit, at most {@code maxPerItem} per critique,
 * spent automatically), then a penalty on what is still late (a schedule of points kept per started period, e.g.
 * 80, 60, 40, 20 % on days 1-4, or a rate such as 1 % per hour), then a cut-off after which nothing is accepted,
 * measured from the deadline with grace included.
 */
@Serdeable
public record LatePolicy(boolean accepted, @Nullable Grace grace, @Nullable Penalty penalty, @Nullable Integer cutoffHours) {

    public enum Unit {
        HOURS(1), DAYS(24);

        public final int hours;

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

    /** A policy that contradicts itself is refused when the course is saved, with the reason. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (!accepted && (grace != null || penalty != null || cutoffHours != null)) {
            out.add("late critiques are not accepted, so grace, penalty and cut-off would never apply: set accepted: true");
        }
        if (grace != null && (grace.unit() == null || grace.budget() < 0 || (grace.maxPerItem() != null && grace.maxPerItem() < 1))) {
            out.add("grace needs a unit (HOURS or DAYS), a budget of 0 or more and a maxPerItem of 1 or more");
        }
        if (penalty != null && (penalty.per() == null || (penalty.keepPercent() == null) == (penalty.ratePercent() == null))) {
            out.add("a penalty needs per (HOURS or DAYS) and either keepPercent (a list) or ratePercent");
        }
        if (penalty != null && penalty.keepPercent() != null && penalty.keepPercent().stream().anyMatch(k -> k == null || k < 0 || k > 100)) {
            out.add("keepPercent values must be between 0 and 100");
        }
        if (cutoffHours != null && cutoffHours < 0) {
            out.add("cutoffHours must be 0 or more");
        }
        return out;
    }
}
