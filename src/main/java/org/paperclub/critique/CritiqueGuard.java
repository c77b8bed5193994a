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
        return held(critiques.countBySessionId(sessionId));
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        return held(critiques.countByPaperId(paperId));
    }

    private static List<String> held(long n) {
        return n == 0 ? List.of() : List.of(n + (n == 1 ? " critique" : " critiques"));
    }
}
