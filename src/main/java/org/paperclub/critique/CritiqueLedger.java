package org.paperclub.critique;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.Session;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other features (grading, the calendar) may read of the critiques: every accepted critique with its
 * current version's timing (the late penalty is the current version's), and a student's deadline for a session.
 */
@Singleton
public class CritiqueLedger {

    private final CritiqueRepository critiques;
    private final CritiqueVersionRepository versions;
    private final CritiqueService service;

    CritiqueLedger(CritiqueRepository critiques, CritiqueVersionRepository versions, CritiqueService service) {
        this.critiques = critiques;
        this.versions = versions;
        this.service = service;
    }

    /** An accepted critique as of its latest version: {@code keepPercent} is what the late policy left of its points. */
    public record HandedIn(long id, long sessionId, long paperId, long studentId, int versions, Instant uploadedAt,
                           boolean late, double keepPercent, String timing) {
    }

    @Transactional(readOnly = true)
    public List<HandedIn> handedIn(long courseId) {
        Map<Long, CritiqueVersion> latest = new HashMap<>();
        for (CritiqueVersion v : versions.findInCourse(courseId)) {
            latest.put(v.critiqueId(), v);   // ordered by version: the last one stays
        }
        return critiques.findByCourseId(courseId).stream().filter(c -> latest.containsKey(c.id()))
                .map(c -> of(c, latest.get(c.id()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<HandedIn> handedIn(long courseId, long critiqueId) {
        return critiques.findById(critiqueId).filter(c -> c.courseId() == courseId).flatMap(c -> {
            List<CritiqueVersion> vs = versions.findByCritiqueIdInOrderByVersion(List.of(c.id()));
            return vs.isEmpty() ? Optional.empty() : Optional.of(of(c, vs.get(vs.size() - 1)));
        });
    }

    /** The student's deadline for the session: class start minus the offset, plus their extensions. */
    @Transactional(readOnly = true)
    public ZonedDateTime deadline(Course course, Session session, long studentId) {
        return service.deadline(course, session, studentId);
    }

    private static HandedIn of(Critique c, CritiqueVersion v) {
        return new HandedIn(c.id(), c.sessionId(), c.paperId(), c.studentId(), v.version(), v.uploadedAt(),
                v.minutesLate() > 0, v.keepPercent(), v.timing());
    }
}
