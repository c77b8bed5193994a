package org.paperclub.grading;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.critique.GradedCritiques;
import org.paperclub.grading.GradingViews.GradeView;
import org.paperclub.grading.GradingViews.StudentGrades;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What other features (the home page) may read of the grades: a student's grades published and regrades answered
 * since a moment, as on their grades page (published grades only), and for staff the regrade requests waiting.
 */
@Singleton
public class GradeNews implements GradedCritiques {

    private final GradeSheets sheets;
    private final GradingService grading;
    private final Repositories.GradeRepository grades;
    private final Repositories.RegradeRepository regrades;

    GradeNews(GradeSheets sheets, GradingService grading, Repositories.GradeRepository grades, Repositories.RegradeRepository regrades) {
        this.sheets = sheets;
        this.grading = grading;
        this.grades = grades;
        this.regrades = regrades;
    }

    /** A published grade: {@code value} as the student's grades page writes it (a mark, or points of the maximum). */
    @Serdeable
    public record NewGrade(long sessionId, int sessionNumber, GradeKind kind, String subjectTitle, String value, Instant publishedAt) {
    }

    @Serdeable
    public record RegradeAnswer(int sessionNumber, String subjectTitle, String status, @Nullable String answer,
                                @Nullable String oldValue, @Nullable String newValue, Instant answeredAt) {
    }

    @Serdeable
    public record ForStudent(List<NewGrade> grades, List<RegradeAnswer> regrades) {
    }

    @Transactional(readOnly = true)
    public ForStudent forStudent(long courseId, long studentId, Instant since) {
        // Most days nothing is new: two narrow reads say so without building the grades page.
        boolean published = grades.findByCourseIdAndStudentId(courseId, studentId).stream()
                .anyMatch(g -> g.publishedAt() != null && g.publishedAt().isAfter(since));
        boolean answered = regrades.findByCourseIdAndStudentIdOrderByFiledAt(courseId, studentId).stream()
                .anyMatch(r -> r.answeredAt() != null && r.answeredAt().isAfter(since));
        if (!published && !answered) {
            return new ForStudent(List.of(), List.of());
        }
        StudentGrades page = sheets.student(courseId, studentId, false);
        List<NewGrade> grades = page.items().stream().filter(g -> g.publishedAt() != null && g.publishedAt().isAfter(since))
                .sorted(Comparator.comparing(GradeView::publishedAt).reversed())
                .map(g -> new NewGrade(g.sessionId(), g.sessionNumber(), g.kind(), g.subjectTitle(), value(g), g.publishedAt()))
                .toList();
        List<RegradeAnswer> answers = page.regrades().stream().filter(r -> r.answeredAt() != null && r.answeredAt().isAfter(since))
                .sorted(Comparator.comparing(GradingViews.RegradeView::answeredAt).reversed())
                .map(r -> new RegradeAnswer(r.item() == null ? 0 : r.item().sessionNumber(), r.item() == null ? "" : r.item().subjectTitle(),
                        r.status(), r.answer(), r.oldValue(), r.newValue(), r.answeredAt()))
                .toList();
        return new ForStudent(grades, answers);
    }

    /** How far grading has come in one session, as on the grading progress answer. */
    @Serdeable
    public record SessionProgress(long sessionId, int number, int graded, int toGrade, int unpublished) {
    }

    /**
     * Grading progress for staff, as {@code GET /grading/progress} answers it, and {@code left}: the items still to
     * grade in the whole course (the sum of toGrade minus graded).
     */
    @Serdeable
    public record Progress(List<SessionProgress> sessions, List<Long> gradedCritiques, int left) {
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> graded(long courseId) {
        return sheets.progress(courseId).gradedCritiques();
    }

    @Transactional(readOnly = true)
    public Progress progress(long courseId) {
        GradingViews.CourseProgress p = sheets.progress(courseId);
        List<SessionProgress> lines = p.sessions().stream()
                .map(s -> new SessionProgress(s.sessionId(), s.number(), s.graded(), s.toGrade(), s.unpublished())).toList();
        int left = lines.stream().mapToInt(s -> Math.max(0, s.toGrade() - s.graded())).sum();
        return new Progress(lines, p.gradedCritiques(), left);
    }

    /**
     * A student's participation grade from published grades only (what they see), as the gradebook export computes it:
     * percentages (null where nothing counts yet). {@code complete}: every weighed component has its required number
     * of graded items; {@code pending}: something they did is not graded or not published yet.
     */
    @Serdeable
    public record Standing(long studentId, @Nullable Double participation, @Nullable Double presentation,
                           @Nullable Double roles, @Nullable Double critiques, boolean complete, boolean pending,
                           boolean withdrawn) {
    }

    /** Every student's standing, with the course's names for its components and their weights (0: not weighed). */
    @Serdeable
    public record Standings(String presentationName, String rolesName, String critiquesName, double presentationWeight,
                            double rolesWeight, double critiquesWeight, List<Standing> students) {
    }

    /** The participation grades as published (the LMS grade passback posts these). */
    @Transactional
    public Standings standings(long courseId) {
        GradingViews.Summary s = sheets.summary(courseId, false);
        var w = s.weights();
        var r = s.required();
        List<Standing> students = s.students().stream().map(l -> new Standing(l.studentId(), l.participation(), l.presentation(),
                l.roles(), l.critiques(),
                (w.presentation() <= 0 || l.presentationsGraded() >= r.presentations())
                        && (w.roles() <= 0 || l.rolesGraded() >= r.roles())
                        && (w.critiques() <= 0 || l.critiquesGraded() >= r.critiques()),
                l.ungraded() > 0 || l.unpublished() > 0, l.withdrawn())).toList();
        var n = s.names();
        return new Standings(n.presentation(), n.roles(), n.critiques(), w.presentation(), w.roles(), w.critiques(), students);
    }

    /** How many regrade requests wait for an answer. */
    @Transactional(readOnly = true)
    public int openRegrades(long courseId) {
        return grading.openRegradeCount(courseId);
    }

    private static String value(GradeView g) {
        if (g.mark() != null) {
            return g.mark();
        }
        return trim(g.points()) + " of " + trim(g.maxPoints());
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
