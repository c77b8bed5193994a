package org.paperclub.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long ahead the course reminds its students (README, "Reminders"): of a critique due that they have not handed
 * in ({@code critiqueHours} before their deadline), of a sign-up freeze while they still lack a role in a block or
 * their presentation ({@code freezeHours} before the freeze), and of their own presentation or supporting role
 * ({@code sessionDays} before the session). 0 turns that reminder off; a part left out takes its default.
 */
@Serdeable
public record ReminderPolicy(@Nullable Integer critiqueHours, @Nullable Integer freezeHours, @Nullable Integer sessionDays) {

    static final int MAX_HOURS = 14 * 24;
    static final int MAX_DAYS = 14;

    public static ReminderPolicy defaults() {
        return new ReminderPolicy(24, 48, 3);
    }

    /** Every part given, its default where left out. */
    public ReminderPolicy orDefaults() {
        ReminderPolicy d = defaults();
        return new ReminderPolicy(critiqueHours == null ? d.critiqueHours : critiqueHours,
                freezeHours == null ? d.freezeHours : freezeHours, sessionDays == null ? d.sessionDays : sessionDays);
    }

    /** How long before a critique deadline; zero when off. */
    public Duration critiqueLead() {
        return Duration.ofHours(Math.max(0, orDefaults().critiqueHours));
    }

    /** How long before a sign-up freeze; zero when off. */
    public Duration freezeLead() {
        return Duration.ofHours(Math.max(0, orDefaults().freezeHours));
    }

    /** How long before the student's own session; zero when off. */
    public Duration sessionLead() {
        return Duration.ofDays(Math.max(0, orDefaults().sessionDays));
    }

    /** Lead times out of range are refused when the course is saved, each with its range. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        if (critiqueHours != null && (critiqueHours < 0 || critiqueHours > MAX_HOURS)) {
            out.add("critiqueHours must be between 0 (off) and " + MAX_HOURS + " (14 days), not " + critiqueHours);
        }
        if (freezeHours != null && (freezeHours < 0 || freezeHours > MAX_HOURS)) {
            out.add("freezeHours must be between 0 (off) and " + MAX_HOURS + " (14 days), not " + freezeHours);
        }
        if (sessionDays != null && (sessionDays < 0 || sessionDays > MAX_DAYS)) {
            out.add("sessionDays must be between 0 (off) and " + MAX_DAYS + ", not " + sessionDays);
        }
        return out;
    }
}
