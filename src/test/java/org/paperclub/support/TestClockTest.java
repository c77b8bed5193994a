package org.paperclub.support;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test clock: the system's until a test sets it, then exactly where the test puts it. */
class TestClockTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void until_a_test_sets_it_it_ticks_with_the_system() throws Exception {
        TestClock clock = new TestClock();
        Instant before = Instant.now();
        Instant read = clock.instant();
        Thread.sleep(5);
        assertTrue(!read.isBefore(before) && clock.instant().isAfter(read), "it ticks");
    }

    @Test
    void a_set_clock_stands_still_and_moves_only_when_advanced() throws Exception {
        TestClock clock = new TestClock().set(NOON);
        Thread.sleep(5);
        assertEquals(NOON, clock.instant());
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertEquals(Instant.parse("2026-03-17T12:00:01Z"), clock.instant());
        clock.reset();
        assertTrue(Duration.between(clock.instant(), Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0,
                "the system clock again");
    }

    @Test
    void a_zoned_view_follows_later_settings() {
        TestClock clock = new TestClock().set(NOON);
        Clock newYork = clock.withZone(ZoneId.of("America/New_York"));
        clock.set(Instant.parse("2026-03-11T03:30:00Z"));   // 23:30 on the 10th in New York
        assertEquals(LocalDate.of(2026, 3, 10), LocalDate.now(newYork));
        assertEquals(LocalDate.of(2026, 3, 11), LocalDate.now(clock));
    }

    @Test
    void freezing_keeps_whole_microseconds_as_the_database_does() {
        Instant frozen = new TestClock().freeze().instant();
        assertEquals(0, frozen.getNano() % 1000);
    }
}
