package org.paperclub.people;

import io.micronaut.http.HttpStatus;
import org.paperclub.system.ProblemException;

import java.time.Duration;

/** 429 for password guesses that come too fast, with {@code Retry-After} so that a script knows when to try. */
class TooManyAttempts extends ProblemException {

    private final long seconds;

    TooManyAttempts(Duration wait) {
        this("Too many wrong passwords.", wait);
    }

    /** {@code what}: a sentence saying what came too often; when to try again is added. */
    TooManyAttempts(String what, Duration wait) {
        this(what, Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private TooManyAttempts(String what, long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, what + " Try again in " + inWords(seconds) + ".");
        this.seconds = seconds;
    }

    @Override
    public long retryAfterSeconds() {
        return seconds;
    }

    private static String inWords(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

}
