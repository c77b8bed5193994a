package org.paperclub.course;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.CourseViews.PolicyWarning;
import org.paperclub.course.CourseViews.ReadingView;
import org.paperclub.course.CourseViews.SessionView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.PeopleService;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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
    private final List<HandedInCounts> handedIn;
    private final Clock clock;

    PolicyWarnings(CourseService courses, ScheduleService schedule, PeopleService people, List<HandedInCounts> handedIn,
                   Clock clock) {
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.handedIn = handedIn;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicyWarning> of(long courseId) {
        Course course = courses.get(courseId);
        CoursePolicies p = course.policies();
        List<SessionView> held = schedule.schedule(courseId).stream().filter(s -> s.kind() != SessionKind.NO_CLASS).toList();
        int roles = courses.roles(courseId).size();
        List<Long> studentIds = people.activeStudents(courseId).stream().map(e -> e.userId()).toList();
        long students = studentIds.size();
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

        int possible = held.stream().mapToInt(s -> critiquesIn(s, p)).sum();
        if (p.critiquesRequired() > possible) {
            out.add(new PolicyWarning("critiquesRequired", "Each student must hand in " + p.critiquesRequired()
                    + " critiques, but the held sessions with assigned papers allow at most " + possible + " ("
                    + p.critiquesPerSession() + " per session)."));
        } else if (p.critiquesRequired() > 0 && !studentIds.isEmpty()) {
            // Mid-term: what each student has handed in, plus what the sessions still ahead allow (their deadline, class
            // start less the offset, not passed; extensions and late hand-ins left aside).
            Instant now = clock.instant();
            List<SessionView> ahead = held.stream()
                    .filter(s -> s.startsAt().toInstant().minusSeconds(60L * p.deadlineOffsetMinutes()).isAfter(now)).toList();
            int left = ahead.stream().mapToInt(s -> critiquesIn(s, p)).sum();
            Map<Long, Integer> counts = new HashMap<>();
            handedIn.forEach(h -> counts.putAll(h.byStudent(courseId)));
            long behind = studentIds.stream().filter(id -> counts.getOrDefault(id, 0) + left < p.critiquesRequired()).count();
            if (behind > 0) {
                out.add(new PolicyWarning("critiquesRequired", plural(behind, "student", "students") + " can no longer hand in the "
                        + p.critiquesRequired() + " critiques required: the held sessions still ahead allow only " + left
                        + " more (" + plural(ahead.size(), "session", "sessions") + " left)."));
            }
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
        LatePolicy late = p.latePolicy();
        if (late != null && late.accepted() && late.grace() != null && late.grace().unit() != null && late.cutoffHours() != null) {
            LatePolicy.Grace g = late.grace();
            int perItem = g.maxPerItem() == null ? g.budget() : Math.min(g.budget(), g.maxPerItem());
            long graceHours = (long) perItem * g.unit().hours;
            if (graceHours > late.cutoffHours()) {
                String unit = g.unit() == LatePolicy.Unit.DAYS ? "day" : "hour";
                out.add(new PolicyWarning("latePolicy.grace", "One critique may spend up to " + plural(perItem, unit, unit + "s")
                        + " of grace, but the cut-off refuses anything " + plural(late.cutoffHours(), "hour", "hours")
                        + " after the deadline: grace beyond that can never be spent. Lower the grace per critique or move the cut-off."));
            }
        }
        return out;
    }

    /** A student hands in at most critiquesPerSession critiques in a session, one per assigned paper. */
    private static int critiquesIn(SessionView s, CoursePolicies p) {
        return Math.min(p.critiquesPerSession(),
                (int) s.readings().stream().filter(r -> r.kind() == ReadingKind.ASSIGNED).map(ReadingView::paperId).distinct().count());
    }

    private static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
