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
        List<String> held = new ArrayList<>();
        count(held, presentations.countBySessionId(sessionId), "presentation sign-up");
        count(held, roleSignups.countBySessionId(sessionId), "role sign-up");
        return held;
    }

    @Override
    public List<String> heldOnPaper(long paperId) {
        List<String> held = new ArrayList<>();
        count(held, presentations.countByPaperId(paperId), "presentation sign-up");
        return held;
    }

    @Override
    public List<String> heldOnRole(long roleId) {
        List<String> held = new ArrayList<>();
        count(held, roleSignups.countByRoleId(roleId), "sign-up");
        return held;
    }

    private static void count(List<String> held, long n, String what) {
        if (n > 0) {
            held.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }
}
