package org.paperclub.lti;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.lti.ServiceRepositories.RosterSyncRepository;
import org.paperclub.lti.ServiceRepositories.RosterSyncRow;
import org.paperclub.people.CourseRole;
import org.paperclub.people.Identities;
import org.paperclub.people.PeopleService;
import org.paperclub.people.RosterEntry;
import org.paperclub.people.User;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a fetched roster to the course in one transaction. Members are found (or made) by their identity on the
 * platform, as a launch would find them, so that a later launch signs them into the same account. Students inactive or
 * gone from every linked context are withdrawn (their work kept). Staff are never withdrawn by a sync, and nobody is
 * given a lower role by one (so the course never loses its last instructor to it): an instructor changes that here.
 * A present member who had been withdrawn is enrolled again.
 */
@Singleton
class RosterApply {

    private final PeopleService people;
    private final Identities identities;
    private final RosterSyncRepository syncs;
    private final ContextLinkRepository links;
    private final Clock clock;

    RosterApply(PeopleService people, Identities identities, RosterSyncRepository syncs, ContextLinkRepository links, Clock clock) {
        this.people = people;
        this.links = links;
        this.identities = identities;
        this.syncs = syncs;
        this.clock = clock;
    }

    @Transactional
    RosterSync.Result apply(long courseId, List<RosterSync.Fetched> fetched) {
        // Two syncs of the course at once (a launch and the button) are applied one after the other.
        syncs.insertIfAbsent(courseId, clock.instant());
        syncs.lock(courseId);
        // The LMS courses fetched must still be linked, and stay so until this commits (an unlink waits): the roster of
        // one unlinked while it was fetched is not applied (nor, then, the withdrawals that the others' lists imply).
        Set<Long> contextIds = new HashSet<>();
        fetched.forEach(f -> contextIds.add(f.context().id()));
        if (!contextIds.isEmpty() && links.lockLinked(contextIds, courseId).size() != contextIds.size()) {
            throw org.paperclub.system.ProblemException.conflict("The LMS courses linked to this course changed during the "
                    + "sync, so nothing changed. Sync the roster again.");
        }
        Map<Long, RosterEntry> roster = new HashMap<>();
        people.roster(courseId).forEach(e -> roster.put(e.userId(), e));
        Set<Long> present = new HashSet<>();
        Set<Long> touched = new HashSet<>();
        Set<Long> inactive = new HashSet<>();
        Set<String> issuers = new HashSet<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (RosterSync.Fetched f : fetched) {
            String issuer = f.registration().issuer();
            issuers.add(issuer);
            for (RosterSync.Member m : f.members()) {
                Optional<CourseRole> role = LtiRoles.of(m.roles());
                if (role.isEmpty()) {
                    continue; // a role this course does not have (a mentor, a guest): not on its roster
                }
                if (!m.active()) {
                    // No account is made for someone who left before ever being here.
                    identities.find(issuer, m.userId()).ifPresent(u -> inactive.add(u.id()));
                    continue;
                }
                User user = identities.resolve(issuer, m.userId(), m.email(), true, m.name());
                if (!present.add(user.id())) {
                    continue; // listed in two linked contexts: counted once
                }
                boolean renamed = identities.nameFromDirectory(issuer, m.userId(), m.name());
                RosterEntry e = roster.get(user.id());
                if (e == null) {
                    people.enroll(courseId, user.id(), role.get(), null);
                    added++;
                } else if (e.withdrawn() || e.role().ordinal() < role.get().ordinal()) {
                    // A sync enrolls again and promotes, but never lowers a role: staff keep their access (the last
                    // instructor above all) until an instructor changes it here.
                    CourseRole next = e.withdrawn() && e.role().ordinal() > role.get().ordinal() ? e.role() : role.get();
                    people.enroll(courseId, user.id(), next, e.section());
                    touched.add(user.id());
                    updated++;
                } else if (renamed) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
        }
        // Who to withdraw: students this platform knows (an identity there) who are inactive or absent everywhere.
        Set<Long> students = new HashSet<>();
        roster.values().stream().filter(e -> e.role() == CourseRole.STUDENT && !e.withdrawn() && !touched.contains(e.userId()))
                .forEach(e -> students.add(e.userId()));
        Set<Long> known = new HashSet<>();
        for (String issuer : issuers) {
            known.addAll(identities.subjectsAt(issuer, students).keySet());
        }
        int withdrawn = 0;
        for (long id : students) {
            if (!present.contains(id) && (known.contains(id) || inactive.contains(id))) {
                people.withdraw(courseId, id);
                withdrawn++;
            }
        }
        Instant at = clock.instant();
        save(new RosterSyncRow(courseId, at, true, added, updated, withdrawn, unchanged, null));
        return new RosterSync.Result(added, updated, withdrawn, unchanged, at);
    }

    @Transactional
    void failed(long courseId, String error) {
        save(new RosterSyncRow(courseId, clock.instant(), false, 0, 0, 0, 0, PlatformHttp.clip(error, 1000)));
    }

    @Transactional
    Optional<RosterSyncRow> last(long courseId) {
        return syncs.findById(courseId);
    }

    @Transactional
    boolean syncedSince(long courseId, Instant since) {
        return syncs.findById(courseId).filter(s -> s.ok() && s.syncedAt().isAfter(since)).isPresent();
    }

    private void save(RosterSyncRow row) {
        if (syncs.existsById(row.courseId())) {
            syncs.update(row);
        } else {
            syncs.save(row);
        }
    }
}
