package org.paperclub.critique;

import org.paperclub.course.LatePolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a critique is due and what being late costs. The deadline is the session's start in the course's time
 * zone, moved earlier by the policy offset and later by the student's extensions; ZonedDateTime keeps it right
 * across daylight-saving changes. A late upload goes through the {@link LatePolicy} in its order: grace, then
 * penalty, then cut-off.
 */
final class DeadlineRules {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm zzz", Locale.ENGLISH);

    private DeadlineRules() {
    }

    static ZonedDateTime deadline(ZonedDateTime sessionStart, int offsetMinutes, Duration extension) {
        return sessionStart.minusMinutes(offsetMinutes).plus(extension);
    }

    /** The verdict on timing: on time, late with grace spent and points kept, or refused with the reason. */
    record Timing(boolean accepted, boolean late, long minutesLate, int graceSpent, double keepPercent, String summary) {
    }

    /**
     * @param graceLeft the student's grace budget still unspent (in the policy's grace unit), not counting this item
     */
    static Timing judge(Instant now, ZonedDateTime deadline, LatePolicy policy, int graceLeft, ZoneId zone) {
        if (!now.isAfter(deadline.toInstant())) {
            return new Timing(true, false, 0, 0, 100, "On time (due " + WHEN.format(deadline.withZoneSameInstant(zone)) + ").");
        }
        Duration late = Duration.between(deadline.toInstant(), now);
        long minutesLate = Math.max(1, late.toMinutes());
        String due = WHEN.format(deadline.withZoneSameInstant(zone));
        if (policy == null || !policy.accepted()) {
            return new Timing(false, true, minutesLate, 0, 0, "The deadline was " + due + "; late critiques are not accepted in this course.");
        }
        if (policy.cutoffHours() != null && late.compareTo(Duration.ofHours(policy.cutoffHours())) > 0) {
            return new Timing(false, true, minutesLate, 0, 0, "The deadline was " + due + "; nothing is accepted more than "
                    + policy.cutoffHours() + " hours after it.");
        }
        Duration remaining = late;
        int graceSpent = 0;
        LatePolicy.Grace grace = policy.grace();
        if (grace != null && graceLeft > 0) {
            long unitsLate = startedUnits(late, grace.unit());
            long cap = grace.maxPerItem() == null ? Long.MAX_VALUE : grace.maxPerItem();
            graceSpent = (int) Math.min(unitsLate, Math.min(graceLeft, cap));
            remaining = late.minusHours((long) graceSpent * grace.unit().hours);
        }
        String graceText = graceSpent == 0 ? "" : graceSpent + " grace " + unitName(grace.unit(), graceSpent) + " spent";
        if (remaining.isNegative() || remaining.isZero()) {
            return new Timing(true, true, minutesLate, graceSpent, 100, "Late, covered by grace: " + graceText + ".");
        }
        double keep = 100;
        LatePolicy.Penalty penalty = policy.penalty();
        if (penalty != null) {
            long periods = startedUnits(remaining, penalty.per());
            if (penalty.keepPercent() != null && !penalty.keepPercent().isEmpty()) {
                keep = periods <= penalty.keepPercent().size() ? penalty.keepPercent().get((int) periods - 1) : 0;
            } else if (penalty.ratePercent() != null) {
                keep = Math.max(0, 100 - periods * penalty.ratePercent());
            }
        }
        String text = "Late by " + human(late) + (graceText.isEmpty() ? "" : "; " + graceText)
                + (keep < 100 ? "; " + trim(keep) + " % of the points kept." : ".");
        return new Timing(true, true, minutesLate, graceSpent, keep, text);
    }

    static long startedUnits(Duration d, LatePolicy.Unit unit) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        long per = unit.hours * 3600L;
        return (seconds + per - 1) / per;
    }

    private static String unitName(LatePolicy.Unit unit, int n) {
        String base = unit == LatePolicy.Unit.DAYS ? "day" : "hour";
        return n == 1 ? base : base + "s";
    }

    static String human(Duration d) {
        long minutes = Math.max(1, d.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h " + minutes % 60 + " min" : hours / 24 + " days " + hours % 24 + " h";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
