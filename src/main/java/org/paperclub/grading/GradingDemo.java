package org.paperclub.grading;

import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.DemoSeeder;
import org.paperclub.course.GradingPolicy;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.critique.CritiqueLedger;
import org.paperclub.critique.CritiqueLedger.HandedIn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's grades: the TA has graded most critiques of sessions at least two days past, with a few comments;
 * sessions more than eight days past are published (the last week's stay drafts); and Student 1 has asked for
 * one regrade, waiting for an answer.
 */
@Singleton
class GradingDemo implements DemoSeeder {

    private final GradingService grading;
    private final CritiqueLedger critiques;
    private final ScheduleService schedule;
    private final Clock clock;
    private final Repositories.GradeRepository grades;

    GradingDemo(GradingService grading, CritiqueLedger critiques, ScheduleService schedule, Clock clock,
                Repositories.GradeRepository grades) {
        this.grading = grading;
        this.critiques = critiques;
        this.schedule = schedule;
        this.clock = clock;
        this.grades = grades;
    }

    @Override
    public int order() {
        return 3;
    }

    @Override
    public void seed(Course course, List<Long> students, long instructorId, long taId) {
        List<HandedIn> handedIn = critiques.handedIn(course.id());
        if (handedIn.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<Long, SessionView> sessions = schedule.schedule(course.id()).stream()
                .collect(Collectors.toMap(SessionView::id, Function.identity()));
        GradingPolicy.Scale scale = course.policies().gradingOrDefaults().critiqueScale();
        for (HandedIn c : handedIn) {
            SessionView s = sessions.get(c.sessionId());
            int i = students.indexOf(c.studentId());
            if (s.startsAt().toInstant().isAfter(now.minus(Duration.ofDays(2))) || (i + s.number()) % 7 == 0) {
                continue;   // recent sessions, and a few older critiques, are still to be graded
            }
            int level = ((i + 1) * s.number()) % 5 == 0 ? 2 : (i + s.number()) % 6 == 0 ? 0 : 1;
            String comment = level == 2 ? "Sharp questions about the evaluation." : level == 0 ? "Mostly summary; say what you doubt." : null;
            grading.gradeCritique(course.id(), taId, c.id(), entry(scale, level, comment));
        }
        sessions.values().stream().filter(s -> s.startsAt().toInstant().isBefore(now.minus(Duration.ofDays(8))))
                .forEach(s -> grading.publish(course.id(), instructorId, s.id()));
        grades.findByCourseIdAndStudentId(course.id(), students.get(0)).stream()
                .filter(g -> g.kind() == GradeKind.CRITIQUE && g.publishedAt() != null)
                .max(Comparator.comparing(g -> sessions.get(g.sessionId()).startsAt()))
                .ifPresent(g -> grading.fileRegrade(course.id(), g.studentId(), g.id(),
                        "I think my critique does question the evaluation, in its second paragraph."));
    }

    /** Low, middle or high on the course's critique scale. */
    private static GradingService.Entry entry(GradingPolicy.Scale scale, int level, String comment) {
        if (scale.type() == GradingPolicy.ScaleType.MARKS) {
            List<GradingPolicy.Mark> marks = scale.marks().stream()
                    .sorted(Comparator.comparingDouble(GradingPolicy.Mark::points)).toList();
            int at = level == 0 ? 0 : level == 2 ? marks.size() - 1 : marks.size() / 2;
            return new GradingService.Entry(null, marks.get(at).label(), comment, null);
        }
        double points = scale.maxPoints() * (level == 0 ? 0.5 : level == 2 ? 1.0 : 0.8);
        return new GradingService.Entry(Math.round(points * 2) / 2.0, null, comment, null);
    }
}
