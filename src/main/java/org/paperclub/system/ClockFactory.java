package org.paperclub.system;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * One clock for the whole app: every rule reads "now" from the injected {@code Clock}, never from the system, so
 * tests fix "now" (deadlines, freezes, lockouts) by replacing this bean (the tests' {@code support/TestClock}).
 */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
