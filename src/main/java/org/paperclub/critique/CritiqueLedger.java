package org.paperclub.critique;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.paperclub.system.Rows;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.paperclub.course.Course;
import org.paperclub.course.LatePolicy;
import org.paperclub.course.ClassSession;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
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
    private final JdbcOperations jdbc;
    private final ExtensionRepository extensions;

    CritiqueLedger(CritiqueRepository critiques, CritiqueVersionRepository versions, CritiqueService service, JdbcOperations jdbc,
                   ExtensionRepository extensions) {
        this.extensions = extensions;
        this.critiques = critiques;
        this.versions = versions;
        this.service = service;
        this.jdbc = jdbc;
    }

    /** An accepted critique as of its latest version: {@code keepPercent} is what the late policy left of its points. */
    public record HandedIn(long id, long sessionId, long paperId, long studentId, int versions, Instant uploadedAt,
                           boolean late, double keepPercent, String timing) {
    }

    /**
     * Every critique of the course as of its latest version, in one narrow query (a large course has tens of
     * thousands): "no newer version exists" rather than max(version), which PostgreSQL plans better.
     */
    @Transactional(readOnly = true)
    public List<HandedIn> handedIn(long courseId) {
        return latest("course_id", courseId);
    }

    /** The critiques of one session, as of their latest versions. */
    @Transactional(readOnly = true)
    public List<HandedIn> handedInFor(long sessionId) {
        return latest("session_id", sessionId);
    }

    private List<HandedIn> latest(String column, long id) {
        Rows.Repeated timings = new Rows.Repeated();
        return Rows.list(jdbc, """
                select c.id, c.session_id, c.paper_id, c.student_id, v.version, v.uploaded_at, v.minutes_late, v.keep_percent, v.timing
                from critique c join critique_version v on v.critique_id = c.id
                where c.%s = ?
                  and not exists (select 1 from critique_version w where w.critique_id = c.id and w.version > v.version)""".formatted(column), id,
                rs -> new HandedIn(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                        Rows.instant(rs, 6), rs.getLong(7) > 0, rs.getDouble(8), timings.of(rs.getString(9))));
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
    public ZonedDateTime deadline(Course course, ClassSession session, long studentId) {
        return service.deadline(course, session, studentId);
    }

    /** Every extension granted in the course, for working out many students' deadlines with {@link #deadline(Course, ClassSession, List)}. */
    @Transactional(readOnly = true)
    public List<Extension> extensions(long courseId) {
        return extensions.findByCourseId(courseId);
    }

    /** A student's deadline for the session, given their extensions (those of other students are ignored). */
    public static ZonedDateTime deadline(Course course, ClassSession session, long studentId, List<Extension> granted) {
        return DeadlineRules.deadline(course, session, granted.stream().filter(e -> e.studentId() == studentId).toList());
    }

    /** One critique the student handed in for a session, as of its latest version. */
    @Serdeable
    public record MyItem(long critiqueId, long paperId, String paperTitle, Instant uploadedAt, boolean late, String timing) {
    }

    /**
     * A held session with assigned reading, seen by one student: their deadline (extensions included), what they
     * handed in, and {@code ifNow}, the verdict the late policy would give an upload at this moment.
     */
    @Serdeable
    public record MyDue(long sessionId, int sessionNumber, String topic, OffsetDateTime due, boolean passed, int extensionHours,
                        List<PaperRef> papers, List<MyItem> handedIn, boolean openPlace, boolean acceptedNow, String ifNow) {
    }

    @Serdeable
    public record PaperRef(long id, String title) {
    }

    /**
     * A student's critiques in a course: the count toward the term, the grace left of the late policy's budget
     * ({@code graceUnit} null when the policy has no grace), and every session with assigned reading.
     */
    @Serdeable
    public record MyCritiques(int accepted, int required, int perSession, @Nullable LatePolicy.Unit graceUnit, int graceBudget,
                              int graceLeft, List<MyDue> sessions) {
    }

    @Transactional(readOnly = true)
    public MyCritiques mine(Course course, long studentId) {
        return service.mine(course, studentId);
    }

    private static HandedIn of(Critique c, CritiqueVersion v) {
        return new HandedIn(c.id(), c.sessionId(), c.paperId(), c.studentId(), v.version(), v.uploadedAt(),
                v.minutesLate() > 0, v.keepPercent(), v.timing());
    }
}
