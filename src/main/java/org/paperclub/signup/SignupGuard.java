package org.paperclub.signup;

import jakarta.inject.Singleton;
import org.paperclub.course.ScheduleGuard;

import java.util.ArrayList;
import java.util.List;

/** Sign-ups hang on sessions and papers: while they exist, those are not deleted (cancel the session instead). */
@Singleton
class SignupGuard implements ScheduleGuard {

    private final PresentationRepository presentations;
    private final RoleSignupRepository roleSignups;

    SignupGuard(PresentationRepository presentations, RoleSignupRepository roleSignups) {
        this.presentations = presentations;
        this.roleSignups = roleSignups;
    }

    @Override
    public List<String> heldOnSession(long sessionId) {
        List<String> held = new ArrayList<>(ScheduleGuard.count(presentations.countBySessionId(sessionId), "presentation sign-up"));
        held.addAll(ScheduleGuard.count(roleSignups.countBySessionId(sessionId), "role sign-up"));
        return held;
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        return ScheduleGuard.count(presentations.countByPaperId(paperId), "presentation sign-up");
    }

    @Override
    public List<String> heldOnRole(long roleId) {
        return ScheduleGuard.count(roleSignups.countByRoleId(roleId), "sign-up");
    }
}
