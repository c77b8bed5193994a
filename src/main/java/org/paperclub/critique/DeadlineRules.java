package org.paperclub.critique;

import org.paperclub.course.Course;
import org.paperclub.course.LatePolicy;
import org.paperclub.course.ClassSession;
import org.paperclub.system.Dates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a critique is due and what being late costs. The deadline is the session's start in the course's time
 * zone, moved earlier by the policy offset and later by the student's extensions; ZonedDateTime keeps it right
 * across daylight-saving changes. A late upload goes through the {@link LatePolicy} in its order: grace, then
 * penalty, then cut-off. The policy's shape is {@link LatePolicy}; this class is where it is applied, as pure
 * functions of the rows {@code CritiqueService} loads (extensions, the student's critique versions).
 */
final class DeadlineRules {

    private DeadlineRules() {
    }

    static ZonedDateTime deadline(ZonedDateTime sessionStart, int offsetMinutes, Duration extension) {
        return sessionStart.minusMinutes(offsetMinutes).plus(extension);
    }

    /**
     * The student's deadline for the session: class start minus the course's offset, plus the hours of every
     * extension for that session or for the whole term ({@code extensions} are the student's, of any session).
     */
    static ZonedDateTime deadline(Course course, ClassSession session, List<Extension> extensions) {
        int hours = extensions.stream()
                .filter(e -> e.sessionId() == null || e.sessionId().equals(session.id()))
                .mapToInt(Extension::hours).sum();
        return deadline(session.startsAt(course.zone()), course.deadlineOffsetMinutes(), Duration.ofHours(hours));
    }

    /** Whether the policy has a grace budget, so that what the student spent of it must be loaded. */
    static boolean hasGrace(LatePolicy policy) {
        return policy != null && policy.grace() != null;
    }

    /**
     * The grace the student has left for the critique {@code critiqueId} (null for a new one): the budget minus what
     * the latest version of each of their other critiques spent. A re-upload spends its own item's grace afresh.
     *
     * @param versions every version of the student's critiques in the course
     */
    static int graceLeft(LatePolicy policy, List<CritiqueVersion> versions, Long critiqueId) {
        if (!hasGrace(policy)) {
            return 0;
        }
        Map<Long, CritiqueVersion> latest = versions.stream().collect(Collectors.toMap(CritiqueVersion::critiqueId,
                Function.identity(), (a, b) -> a.version() >= b.version() ? a : b));
        int spent = latest.values().stream().filter(v -> !Objects.equals(v.critiqueId(), critiqueId))
                .mapToInt(CritiqueVersion::graceSpent).sum();
        return Math.max(0, policy.grace().budget() - spent);
    }

    /** The verdict on timing: on time, late with grace spent and points kept, or refused with the reason. */
    record Timing(boolean accepted, boolean late, long minutesLate, int graceSpent, double keepPercent, String summary) {
    }

    /**
     * @param graceLeft the student's grace budget still unspent (in the policy's grace unit), not counting this item
     */
    static Timing judge(Instant now, ZonedDateTime deadline, LatePolicy policy, int graceLeft, ZoneId zone) {
        if (!now.isAfter(deadline.toInstant())) {
            return new Timing(true, false, 0, 0, 100, "On time (due " + Dates.WHEN.format(deadline.withZoneSameInstant(zone)) + ").");
        }
        Duration late = Duration.between(deadline.toInstant(), now);
        long minutesLate = Math.max(1, late.toMinutes());
        String due = Dates.WHEN.format(deadline.withZoneSameInstant(zone));
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
