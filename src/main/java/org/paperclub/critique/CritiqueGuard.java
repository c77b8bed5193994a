package org.paperclub.critique;

import jakarta.inject.Singleton;
import org.paperclub.course.ScheduleGuard;

import java.util.List;

/** Critiques hang on sessions and papers: those are not deleted while critiques exist (cancel instead). */
@Singleton
class CritiqueGuard implements ScheduleGuard {

    private final CritiqueRepository critiques;

    CritiqueGuard(CritiqueRepository critiques) {
        this.critiques = critiques;
    }

    @Override
    public List<String> heldOnSession(long sessionId) {
        return ScheduleGuard.count(critiques.countBySessionId(sessionId), "critique");
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        return ScheduleGuard.count(critiques.countByPaperId(paperId), "critique");
    }
}
