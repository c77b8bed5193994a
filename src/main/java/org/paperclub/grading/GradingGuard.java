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
        return ScheduleGuard.count(grades.countBySessionId(sessionId), "grade");
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        return ScheduleGuard.count(grades.countByPaper(paperId), "grade");
    }

    @Override
    public List<String> heldOnRole(long roleId) {
        return ScheduleGuard.count(grades.countByRole(roleId), "grade");
    }
}
