package org.paperclub.support;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.paperclub.system.ClockFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The app's clock in tests: it replaces the {@code Clock} bean of {@code system/ClockFactory}, so every rule that
 * asks for "now" (sign-up freeze, critique deadlines, the regrade window, sign-in sessions, the sign-in throttle,
 * invitations, the demo term) asks this one. {@link ApiTest} injects it as {@code clock}.
 *
 * <p>Until a test sets it, it is the system clock and ticks. {@link #set} freezes "now" at an instant; {@link #advance}
 * moves a frozen "now" (freezing a ticking clock first); {@link #reset} (done by {@link ApiTest} after every test)
 * makes it the ticking system clock again. Safe to read from request threads while a test moves it.
 *
 * <p>Signed in or not: the session token's own expiry (JWT {@code exp}) is checked by Micronaut against the system
 * time and is never the problem, but the session's row in the database lasts 12 hours from the moment of this
 * clock at which the user signed in. So moving "now" backwards, or forwards by less than 12 hours, keeps everyone
 * signed in; a test that moves it 12 hours or more past a sign-in must sign in again after moving it (sign in at the
 * "now" the test is about). A frozen clock also freezes the sign-in throttle: waits are over only once the test
 * advances past them.
 */
@Singleton
@Replaces(bean = Clock.class, factory = ClockFactory.class)
@Requires(env = Environment.TEST)
public final class TestClock extends Clock {

    /** {@code null}: the system clock. */
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    /** Freezes "now" at this instant. */
    public TestClock set(Instant now) {
        frozen.set(now);
        return this;
    }

    /** Freezes "now" at this moment. */
    public TestClock set(ZonedDateTime now) {
        return set(now.toInstant());
    }

    /**
     * Freezes "now" where it is (the system time, when the clock was not set), cut to whole microseconds as the
     * database keeps times: a time written and read back is then the same instant, to the nanosecond.
     */
    public TestClock freeze() {
        frozen.compareAndSet(null, systemNow());
        return this;
    }

    /** Moves a frozen "now" by this much (backwards when negative); a ticking clock is frozen first. */
    public TestClock advance(Duration by) {
        frozen.updateAndGet(now -> (now == null ? systemNow() : now).plus(by));
        return this;
    }

    private static Instant systemNow() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The system clock again. */
    public void reset() {
        frozen.set(null);
    }

    @Override
    public Instant instant() {
        Instant now = frozen.get();
        return now == null ? Instant.now() : now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A view in another zone that still reads this clock (so it follows later {@link #set}s). */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock owner = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return owner.withZone(other);
            }

            @Override
            public Instant instant() {
                return owner.instant();
            }
        };
    }
}
