package org.paperclub.course;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How a term's dates move to another term (copying a course, or importing a course file with a new first day).
 * The week (Monday to Sunday) that holds the old term's first session maps onto the week that holds the new first day
 * of classes; every date then moves by that whole number of weeks, so each session keeps its weekday and its week
 * offset from the start. A Tuesday/Thursday course stays a Tuesday/Thursday course, in the same order.
 *
 * <p>Whole weeks move, so when the new first day falls mid-week, the sessions of that first week that come earlier in
 * the week land a day or two before it: a Tuesday/Thursday course given Thursday 21 January 2027 as its first day
 * starts on Tuesday 19 January. Give the Monday of the first week, or the first class's own day, to avoid that.
 */
public record TermShift(long days) {

    /** The shift that maps the week of {@code oldFirstSession} onto the week of {@code newFirstDay}. */
    public static TermShift of(LocalDate oldFirstSession, LocalDate newFirstDay) {
        return new TermShift(ChronoUnit.DAYS.between(monday(oldFirstSession), monday(newFirstDay)));
    }

    /** No move at all (a course file imported without a new first day). */
    public static TermShift none() {
        return new TermShift(0);
    }

    /** The date moved into the new term: same weekday, same number of weeks after the first week. */
    public LocalDate move(LocalDate date) {
        return date == null ? null : date.plusDays(days);
    }

    public long weeks() {
        return days / 7;
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
