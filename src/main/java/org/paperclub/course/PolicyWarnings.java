package org.paperclub.course;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.CourseViews.PolicyWarning;
import org.paperclub.course.CourseViews.ReadingView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;

import java.util.ArrayList;
import java.util.List;

/**
 * What a course's policies ask that its schedule cannot give: staff are warned, never refused, since a term is often
 * built in steps (policies first, sessions later). Read by staff with the course and in the answer to saving it.
 */
@Singleton
public class PolicyWarnings {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final PeopleService people;

    PolicyWarnings(CourseService courses, ScheduleService schedule, PeopleService people) {
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<PolicyWarning> of(long courseId) {
        Course course = courses.get(courseId);
        CoursePolicies p = course.policies();
        List<SessionView> held = schedule.schedule(courseId).stream().filter(s -> s.kind() != SessionKind.NO_CLASS).toList();
        int roles = courses.roles(courseId).size();
        long students = people.roster(courseId).stream().filter(e -> e.role() == CourseRole.STUDENT).count();
        List<PolicyWarning> out = new ArrayList<>();

        int slots = held.stream().mapToInt(SessionView::presentationSlots).sum();
        String times = p.presentationsPerStudent() == 1 ? "once" : p.presentationsPerStudent() + " times";
        if (p.presentationsPerStudent() > 0 && slots == 0) {
            out.add(new PolicyWarning("presentationsPerStudent", "Each student must present " + times
                    + ", but no session has presentation slots: nobody can sign up to present."));
        } else if (p.presentationsPerStudent() > 0 && (long) slots * p.maxTeamSize() < students * p.presentationsPerStudent()) {
            out.add(new PolicyWarning("presentationsPerStudent", "Each of the " + students + " students must present " + times
                    + ", but the " + plural(slots, "presentation slot holds", "presentation slots hold") + " at most "
                    + (long) slots * p.maxTeamSize() + " presenters (teams of up to " + p.maxTeamSize()
                    + "): add sessions with slots or more slots."));
        }

        // A student hands in at most critiquesPerSession critiques in a session, one per assigned paper.
        int possible = held.stream().mapToInt(s -> Math.min(p.critiquesPerSession(),
                (int) s.readings().stream().filter(r -> r.kind() == ReadingKind.ASSIGNED).map(ReadingView::paperId).distinct().count())).sum();
        if (p.critiquesRequired() > possible) {
            out.add(new PolicyWarning("critiquesRequired", "Each student must hand in " + p.critiquesRequired()
                    + " critiques, but the held sessions with assigned papers allow at most " + possible + " ("
                    + p.critiquesPerSession() + " per session)."));
        }

        boolean presentationSessions = held.stream().anyMatch(s -> s.kind() == SessionKind.PRESENTATION);
        if (roles > 0 && !presentationSessions) {
            out.add(new PolicyWarning("roles", "The course has " + plural(roles, "supporting role", "supporting roles")
                    + ", but no held presentation session to play " + (roles == 1 ? "it" : "them") + " in."));
        }
        double rolesWeight = p.gradingOrDefaults().weights().roles();
        if (roles == 0 && rolesWeight > 0) {
            out.add(new PolicyWarning("grading.weights.roles", "Supporting roles weigh " + GradingPolicy.number(rolesWeight)
                    + " in the participation grade, but the course has no roles: that weight is left out and the other"
                    + " components make up the grade."));
        }
        return out;
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
