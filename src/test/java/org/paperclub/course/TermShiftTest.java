package org.paperclub.course;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a term's dates move into another term: by whole weeks, from the week of the old first session. */
class TermShiftTest {

    /** A Tuesday/Thursday fall term: 3 September to 12 December 2024, with Thanksgiving's Thursday in it. */
    static List<LocalDate> fallTuesdaysAndThursdays() {
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 9, 3); !d.isAfter(LocalDate.of(2024, 12, 12)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY) {
                dates.add(d);
            }
        }
        return dates;
    }

    @Test
    void a_tuesday_thursday_fall_course_moved_to_spring_meets_on_the_same_weekdays_in_the_same_order() {
        List<LocalDate> fall = fallTuesdaysAndThursdays();
        TermShift shift = TermShift.of(fall.get(0), LocalDate.of(2025, 1, 21));
        List<LocalDate> spring = fall.stream().map(shift::move).toList();
        assertEquals(LocalDate.of(2025, 1, 21), spring.get(0), "the first class is on the new first day, a Tuesday");
        for (int i = 0; i < fall.size(); i++) {
            assertEquals(fall.get(i).getDayOfWeek(), spring.get(i).getDayOfWeek(), "session " + (i + 1) + " keeps its weekday");
            if (i > 0) {
                assertEquals(fall.get(i).toEpochDay() - fall.get(i - 1).toEpochDay(),
                        spring.get(i).toEpochDay() - spring.get(i - 1).toEpochDay(), "the gaps between sessions stay as they were");
            }
        }
        assertEquals(LocalDate.of(2025, 5, 1), spring.get(spring.size() - 1), "the last class, Thursday 12 December, moves 20 weeks too");
    }

    @Test
    void the_week_of_the_new_first_day_takes_the_place_of_the_week_of_the_old_first_session() {
        // Old first session Tuesday 3 September 2024; new first day Monday 20 January 2025: that week's Tuesday.
        TermShift shift = TermShift.of(LocalDate.of(2024, 9, 3), LocalDate.of(2025, 1, 20));
        assertEquals(LocalDate.of(2025, 1, 21), shift.move(LocalDate.of(2024, 9, 3)));
        assertEquals(LocalDate.of(2025, 1, 23), shift.move(LocalDate.of(2024, 9, 5)));
        assertEquals(20, shift.weeks());
    }

    @Test
    void a_first_day_given_mid_week_keeps_the_earlier_classes_of_that_week() {
        // A Thursday first day for a Tuesday/Thursday course: the Tuesday of that week stays in the term.
        TermShift shift = TermShift.of(LocalDate.of(2024, 9, 3), LocalDate.of(2025, 1, 23));
        assertEquals(LocalDate.of(2025, 1, 21), shift.move(LocalDate.of(2024, 9, 3)));
    }

    @Test
    void a_course_can_move_back_in_time_too() {
        TermShift shift = TermShift.of(LocalDate.of(2025, 1, 21), LocalDate.of(2024, 9, 3));
        assertEquals(LocalDate.of(2024, 9, 5), shift.move(LocalDate.of(2025, 1, 23)));
    }
}
