package org.paperclub.system;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dates a course can have: years 2000 to 2100. ISO-8601 and Java read years such as 0, -1 or 57443 (the
 * number 20261230 taken as days after 1970) without complaint, and such a date then breaks every page and
 * calendar that shows it; no seminar meets outside this range.
 */
public final class Dates {

    public static final String FIRST = "2000-01-01";
    public static final String LAST = "2100-12-31";
    private static final LocalDate FROM = LocalDate.parse(FIRST);
    private static final LocalDate TO = LocalDate.parse(LAST);

    /** How a moment is written in a sentence a user reads (deadlines, regrade windows): "Wed 4 Sep 2024 at 14:00 EDT". */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm zzz", Locale.ENGLISH);

    private Dates() {
    }

    /** What is wrong with the date, or null when nothing is. */
    @Nullable
    public static String problem(@Nullable LocalDate date) {
        return date == null || (!date.isBefore(FROM) && !date.isAfter(TO)) ? null
                : "must be a date from " + FIRST + " to " + LAST + " (not " + date + ")";
    }

    @Nullable
    public static String problem(@Nullable OffsetDateTime time) {
        return time == null ? null : problem(time.toLocalDate());
    }
}
