package org.paperclub.grading;

import jakarta.inject.Singleton;
import org.paperclub.course.ScheduleGuard;
import org.paperclub.grading.Repositories.GradeRepository;

import java.util.List;

/** Grades hang on sessions, papers and roles: those are not deleted while grades exist (cancel instead). */
@Singleton
class GradingGuard implements ScheduleGuard {

    private final GradeRepository grades;

    GradingGuard(GradeRepository grades) {
        this.grades = grades;
    }

    @Override
    public List<String> heldOnSession(long sessionId) {
        return held(grades.countBySessionId(sessionId));
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        return held(grades.countByPaper(paperId));
    }

    @Override
    public List<String> heldOnRole(long roleId) {
        return held(grades.countByRole(roleId));
    }

    private static List<String> held(long n) {
        return n == 0 ? List.of() : List.of(n + (n == 1 ? " grade" : " grades"));
    }
}
