package org.paperclub.course;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes a student from a course: they are withdrawn (their critiques, grades and past sign-ups stay, and the
 * gradebook lists them as withdrawn), they lose access, and their places in sessions still to come are released.
 * The enrollment row is locked first, then the releases write (README, "Locks").
 */
@Singleton
public class Withdrawals {

    private final PeopleService people;
    private final List<WithdrawalRelease> releases;
    private final Clock clock;

    Withdrawals(PeopleService people, List<WithdrawalRelease> releases, Clock clock) {
        this.people = people;
        this.releases = releases;
        this.clock = clock;
    }

    /** Who was removed, and what of theirs was released ("a role sign-up in session 7"). */
    @Serdeable
    public record Removed(RosterEntry entry, List<String> released) {
    }

    @Transactional
    public Removed remove(long courseId, long studentId, long actorId) {
        RosterEntry entry = people.withdraw(courseId, studentId);
        List<String> released = new ArrayList<>();
        releases.forEach(r -> released.addAll(r.release(courseId, studentId, actorId, clock.instant())));
        return new Removed(entry, released);
    }
}
