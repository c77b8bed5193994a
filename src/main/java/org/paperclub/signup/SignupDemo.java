package org.paperclub.signup;

import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.DemoSeeder;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.CourseViews.PaperView;
import org.paperclub.course.CourseViews.RoleView;
import org.paperclub.people.CourseRole;

import java.util.List;

/**
 * The demo's sign-ups: in the first two presentation sessions, a team of two and a student alone present, and
 * seven students each hold a supporting role, so the board and the coverage map have something to show. Made by
 * the TA through the sign-up rules (staff may act for anyone).
 */
@Singleton
class SignupDemo implements DemoSeeder {

    private final SignupService signups;
    private final ScheduleService schedule;
    private final CourseService courses;

    SignupDemo(SignupService signups, ScheduleService schedule, CourseService courses) {
        this.signups = signups;
        this.schedule = schedule;
        this.courses = courses;
    }

    @Override
    public int order() {
        return 2;
    }

    @Override
    public void seed(Course course, List<Long> students, long instructorId, long taId) {
        List<ClassSession> sessions = schedule.sessions(course.id()).stream()
                .filter(s -> SignupRules.hasRoles(s) && s.presentationSlots() >= 1).limit(2).toList();
        List<RoleView> roles = courses.roles(course.id());
        List<PaperView> papers = schedule.papers(course.id()).stream().filter(PaperView::official).toList();
        if (sessions.size() < 2 || roles.isEmpty() || papers.size() < 2 || students.size() < 20) {
            return;
        }
        SignupService.Actor ta = new SignupService.Actor(taId, CourseRole.TA);
        signups.present(course.id(), sessions.get(0).id(), ta, students.get(10), papers.get(0).id(), students.get(11));
        signups.present(course.id(), sessions.get(1).id(), ta, students.get(12), papers.get(1).id(), null);
        for (int r = 0; r < Math.min(7, roles.size()); r++) {
            signups.takeRole(course.id(), sessions.get(0).id(), roles.get(r).id(), ta, students.get(r));
            signups.takeRole(course.id(), sessions.get(1).id(), roles.get(r).id(), ta, students.get(13 + r % 7));
        }
    }
}
