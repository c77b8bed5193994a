package org.paperclub.lti;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.lti.ServiceRepositories.ScoreRepository;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.util.List;

/**
 * An instructor undoes the link of an LMS course to their course (a wrong choice at the first launch: the wrong
 * section, last year's course). The LMS course is then as if never linked: the next instructor launch from it chooses
 * the course again, a student's or TA's launch is told it is not set up, and its roster and grade services stop.
 * Nothing Paperclub holds goes: enrolments, grades, critiques, accounts and their LMS identities, the last roster sync,
 * the scores already sent, and the grade columns made in the LMS course (reused if it is linked again).
 */
@Singleton
class ContextUnlink {

    private final ContextLinkRepository links;
    private final ScoreRepository scores;
    private final Clock clock;

    ContextUnlink(ContextLinkRepository links, ScoreRepository scores, Clock clock) {
        this.links = links;
        this.scores = scores;
        this.clock = clock;
    }

    /**
     * Unlinks the context {@code contextRowId} from {@code courseId}, with the scores still waiting for it, in one
     * transaction; 404 when the course has no such link (unknown, another course's, unlinked already).
     * <p>
     * The waiting scores are deleted, not marked: they were never sent, they belong to a link that no longer exists,
     * and nothing else would ever read them (a mark would need a status the outbox's check does not know, for rows no
     * one looks at). Linked again, "Send grades to the LMS again" queues each student's current grade afresh; the
     * scores sent stay, so a new one is still timestamped after the last the LMS took. Rows another transaction holds
     * right now (a publish queuing them, a sender claiming them) are skipped rather than waited for: the sender drops
     * every row whose context is no longer linked to its course when it claims it and again just before it posts
     * ({@link ScoreClaims}), so the only score that can still reach the LMS after this commits is one whose post had
     * already begun (at most one per sender, within the service timeout).
     */
    @Transactional
    void unlink(long courseId, long contextRowId) {
        // The update locks the context row: a sender making its line item (which holds that lock) finishes first, and a
        // roster sync applying its fetch (which locks it too) either sees this unlink or is waited for.
        if (links.unlink(contextRowId, courseId, clock.instant()) != 1) {
            throw ProblemException.notFound("This course is not linked to that LMS course (it may have been unlinked "
                    + "already). Reload the page to see the LMS courses it is linked to.");
        }
        List<Long> waiting = scores.lockQueuedOf(contextRowId);
        if (!waiting.isEmpty()) {
            scores.dropQueued(waiting);
        }
    }
}
