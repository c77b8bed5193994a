package org.paperclub.signup;

import jakarta.inject.Singleton;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;
import org.paperclub.course.WithdrawalRelease;
import org.paperclub.people.PeopleService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A student removed from a course gives up their role sign-ups and their places in presentation teams in sessions that
 * have not started yet (a team left empty is removed, freeing its slot); sign-ups of sessions already begun stay, as
 * the record of what they did. Each release is written to the audit trail.
 */
@Singleton
class SignupRelease implements WithdrawalRelease {

    private final CourseService courses;
    private final ScheduleService schedule;
    private final PeopleService people;
    private final PresentationRepository presentations;
    private final PresentationMemberRepository members;
    private final RoleSignupRepository roleSignups;
    private final SignupEventRepository events;

    SignupRelease(CourseService courses, ScheduleService schedule, PeopleService people, PresentationRepository presentations,
                  PresentationMemberRepository members, RoleSignupRepository roleSignups, SignupEventRepository events) {
        this.courses = courses;
        this.schedule = schedule;
        this.people = people;
        this.presentations = presentations;
        this.members = members;
        this.roleSignups = roleSignups;
        this.events = events;
    }

    @Override
    public List<String> release(long courseId, long studentId, long actorId, Instant now) {
        Course course = courses.get(courseId);
        Map<Long, ClassSession> sessions = schedule.sessions(courseId).stream().collect(Collectors.toMap(ClassSession::id, Function.identity()));
        String name = people.user(studentId).map(u -> u.name()).orElse("The student");
        List<String> released = new ArrayList<>();
        for (RoleSignup r : roleSignups.findByCourseIdAndUserId(courseId, studentId)) {
            ClassSession s = sessions.get(r.sessionId());
            if (s != null && s.startsAt(course.zone()).toInstant().isAfter(now)) {
                roleSignups.delete(r);
                String role = courses.role(courseId, r.roleId()).name();
                released.add(role + " in session " + s.number());
                events.save(new SignupEvent(null, courseId, actorId, now, "DROP_ROLE", s.id(), studentId,
                        name + " no longer holds " + role + " in session " + s.number() + " (removed from the course)"));
            }
        }
        for (PresentationMember m : members.findByCourseIdAndUserId(courseId, studentId)) {
            Presentation p = presentations.findById(m.presentationId()).orElse(null);
            ClassSession s = p == null ? null : sessions.get(p.sessionId());
            if (s != null && s.startsAt(course.zone()).toInstant().isAfter(now)) {
                members.delete(m);
                if (members.findByPresentationId(p.id()).isEmpty()) {
                    presentations.delete(p);
                }
                String title = schedule.requirePaper(courseId, p.paperId()).title();
                released.add("the presentation of “" + title + "” in session " + s.number());
                events.save(new SignupEvent(null, courseId, actorId, now, "WITHDRAW_PRESENTATION", s.id(), studentId,
                        name + " no longer presents “" + title + "” in session " + s.number() + " (removed from the course)"));
            }
        }
        return released;
    }
}
