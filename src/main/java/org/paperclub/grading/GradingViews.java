package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.SessionKind;
import org.paperclub.grading.ParticipationRules.Participation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON the grading endpoints answer with (documented in the OpenAPI spec). */
final class GradingViews {

    private GradingViews() {
    }

    /**
     * A grade as staff and its student read it. {@code flag} says, in a sentence, why the graded item is gone
     * (withdrawn, moved, cancelled): such a grade is kept and still counts until staff remove it.
     */
    @Serdeable
    record GradeView(long id, GradeKind kind, long sessionId, int sessionNumber, long studentId, String studentName,
                     long subjectId, String subjectTitle, double points, @Nullable String mark, double maxPoints,
                     double keepPercent, @Nullable String comment, String gradedBy, Instant gradedAt,
                     @Nullable Instant publishedAt, @Nullable String flag, boolean regradeOpen) {
    }

    @Serdeable
    record Scales(GradingPolicy.Scale presentation, GradingPolicy.Scale role, GradingPolicy.Scale critique) {
    }

    @Serdeable
    record SessionInfo(long id, int number, LocalDate date, String topic, SessionKind kind, boolean held) {
    }

    @Serdeable
    record Member(long studentId, String name, @Nullable GradeView grade) {
    }

    @Serdeable
    record TeamSheet(long presentationId, long paperId, String paperTitle, String status, List<Member> members) {
    }

    @Serdeable
    record RoleSheet(long roleId, String roleName, List<Member> holders) {
    }

    @Serdeable
    record CritiqueSheet(long critiqueId, long studentId, String name, long paperId, String paperTitle, boolean late,
                         double keepPercent, String timing, @Nullable GradeView grade) {
    }

    /**
     * Everything graded in one session, on one page. {@code graded} of {@code toGrade}: the session's items (each
     * presenter, role holder and critique) that have a grade, of those there are to grade now.
     */
    @Serdeable
    record SessionSheet(SessionInfo session, Scales scales, List<TeamSheet> presentations, List<RoleSheet> roles,
                        List<CritiqueSheet> critiques, List<GradeView> flagged, int unpublished, int graded, int toGrade) {
    }

    /**
     * How far grading of one session has come: {@code graded} of {@code toGrade} items (presenters and role holders
     * once the class has begun, every critique handed in) have a grade; {@code unpublished} grades are drafts.
     */
    @Serdeable
    record SessionProgress(long sessionId, int number, int graded, int toGrade, int unpublished) {
    }

    /** Grading progress of the course: per session, and which critiques (by id) have a grade. */
    @Serdeable
    record CourseProgress(List<SessionProgress> sessions, List<Long> gradedCritiques) {
    }

    @Serdeable
    record Published(int published) {
    }

    @Serdeable
    record RequiredCounts(int presentations, int roles, int critiques) {
    }

    /**
     * One student's line of the summary: components and participation in percent, and what is left to do.
     * {@code withdrawn}: removed from the course; their work stays and is counted.
     */
    @Serdeable
    record StudentLine(long studentId, String name, String email, @Nullable String section,
                       @Nullable Double presentation, @Nullable Double roles, @Nullable Double critiques,
                       @Nullable Double participation, int presentationsGraded, int rolesGraded, int rolesHeld,
                       int critiquesAccepted, int critiquesGraded, int ungraded, int flagged, int unpublished,
                       boolean withdrawn) {
    }

    /** {@code names}: what the course calls each component (its syllabus's words, or the defaults). */
    @Serdeable
    /** The grade summary; {@code openRegrades} are the regrade requests waiting for an answer, shown on the same page. */
    record Summary(RequiredCounts required, GradingPolicy.Weights weights, GradingPolicy.MissingWork missing,
                   List<StudentLine> students, GradingPolicy.Names names, List<SessionProgress> sessions,
                   @Nullable List<RegradeView> openRegrades) {
        Summary withOpenRegrades(List<RegradeView> open) {
            return new Summary(required, weights, missing, students, names, sessions, open);
        }
    }

    @Serdeable
    record PresentationProgress(int sessionNumber, String paperTitle, boolean graded) {
    }

    @Serdeable
    record RoleProgress(int sessionNumber, String roleName, boolean graded) {
    }

    @Serdeable
    record BlockProgress(int block, List<Integer> sessionNumbers, List<RoleProgress> roles) {
    }

    @Serdeable
    record Progress(int critiquesAccepted, int critiquesRequired, List<PresentationProgress> presentations,
                    List<BlockProgress> blocks) {
    }

    /** A student's grades page: how the participation grade is made, the graded items, progress and regrades. */
    @Serdeable
    record StudentGrades(long studentId, String name, Participation participation, List<GradeView> items, Progress progress,
                         List<RegradeView> regrades, int regradeWindowDays, Map<Long, Instant> regradeDeadlines) {
    }

    @Serdeable
    record HistoryLine(Instant at, String actor, String action, @Nullable String oldValue, @Nullable String newValue,
                       String detail, long gradeId, long studentId, String studentName) {
    }

    @Serdeable
    record RegradeView(long id, long gradeId, @Nullable GradeView item, long studentId, String studentName, String reason,
                       Instant filedAt, String status, @Nullable String answer, @Nullable String answeredBy,
                       @Nullable Instant answeredAt, @Nullable String oldValue, @Nullable String newValue) {
    }
}
