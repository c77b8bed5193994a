package org.paperclub.course;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.Commands.RoleCommand;
import org.paperclub.course.CourseViews.CourseView;
import org.paperclub.course.CourseViews.RoleView;
import org.paperclub.people.CourseRole;
import org.paperclub.people.CoursesOfUser;
import org.paperclub.people.Enrollment;
import org.paperclub.people.PeopleService;
import org.paperclub.system.Problem.Violation;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Courses, their policies and their supporting roles. */
@Singleton
public class CourseService implements CoursesOfUser {

    private final CourseRepository courses;
    private final SupportingRoleRepository roles;
    private final PeopleService people;
    private final Clock clock;

    private final List<ScheduleGuard> guards;
    private final LmsLinks lmsLinks;

    CourseService(CourseRepository courses, SupportingRoleRepository roles, PeopleService people, Clock clock,
                  List<ScheduleGuard> guards, LmsLinks lmsLinks) {
        this.guards = guards;
        this.lmsLinks = lmsLinks;
        this.courses = courses;
        this.roles = roles;
        this.people = people;
        this.clock = clock;
    }

    public boolean anyCourse() {
        return courses.count() > 0;
    }

    public Course get(long courseId) {
        return courses.findById(courseId).orElseThrow(() -> ProblemException.notFound("There is no course " + courseId + "."));
    }

    /** The courses the user is enrolled in, each with their role. */
    @Override
    public List<CourseView> coursesOf(long userId) {
        Map<Long, CourseRole> roleByCourse = people.enrollmentsOf(userId).stream()
                .collect(Collectors.toMap(Enrollment::courseId, Enrollment::role));
        if (roleByCourse.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> linked = lmsLinks.linked(roleByCourse.keySet());
        return courses.findByIdIn(roleByCourse.keySet()).stream()
                .sorted(Comparator.comparing(Course::term).thenComparing(Course::code))
                .map(c -> CourseView.of(c, roleByCourse.get(c.id())).withLmsLinked(linked.contains(c.id())))
                .toList();
    }

    /** Creates the course and makes its creator its instructor. */
    @Transactional
    public Course create(CourseCommand command, long creatorId) {
        requireCreator(creatorId);
        Course course = insert(command.details(), command.policies() == null ? CoursePolicies.defaults() : command.policies());
        people.enroll(course.id(), creatorId, CourseRole.INSTRUCTOR, null);
        return course;
    }

    /**
     * Creates the course of an LMS course for its instructor, who need not be a course creator here: a platform that a
     * site administrator registered vouches that they teach it (the LTI launch's role). Commands are checked as
     * {@link #create}'s are, except for the creator right.
     */
    @Transactional
    public Course createForLmsInstructor(CourseCommand command, long instructorId) {
        Course course = insert(command.details(), command.policies() == null ? CoursePolicies.defaults() : command.policies());
        people.enroll(course.id(), instructorId, CourseRole.INSTRUCTOR, null);
        return course;
    }

    void enrollCreator(long courseId, long creatorId) {
        people.enroll(courseId, creatorId, CourseRole.INSTRUCTOR, null);
    }

    void requireCreator(long userId) {
        boolean creator = people.user(userId).map(u -> u.courseCreator()).orElse(false);
        if (!creator) {
            throw ProblemException.forbidden("Your account may not create courses; ask an administrator to allow it.");
        }
    }

    Course insert(CourseDetails details, CoursePolicies policies) {
        checkZone(details.timeZone());
        checkPolicies(policies);
        if (courses.existsByCodeAndTerm(details.code(), details.term())) {
            throw ProblemException.conflict("A course " + details.code() + " in " + details.term() + " already exists.");
        }
        return courses.save(Course.of(null, details, policies, clock.instant()));
    }

    @Transactional
    public Course update(long courseId, CourseCommand command) {
        Course old = get(courseId);
        CourseDetails details = command.details();
        CoursePolicies policies = command.policies() == null ? old.policies() : command.policies();
        if (policies.grading() == null) {
            // A form that does not show the grading policy must not reset it.
            policies = policies.withGrading(old.policies().grading());
        }
        checkZone(details.timeZone());
        checkPolicies(policies);
        boolean renamed = !details.code().equals(old.code()) || !details.term().equals(old.term());
        if (renamed && courses.existsByCodeAndTerm(details.code(), details.term())) {
            throw ProblemException.conflict("A course " + details.code() + " in " + details.term() + " already exists.");
        }
        Course updated = courses.update(Course.of(old.id(), details, policies, old.createdAt()));
        courses.scheduleChanged(courseId);   // the time zone places the sessions' times; the schedule page shows the course
        return updated;
    }

    static void checkZone(String zone) {
        List<Violation> problems = zoneProblems(zone);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("\"" + zone + "\" is not a time zone; use a name such as America/New_York.", problems);
        }
    }

    /** The time zone rule: an IANA name. A missing zone is the {@code @NotBlank} constraint's to report. */
    static List<Violation> zoneProblems(String zone) {
        if (zone == null || zone.isBlank()) {
            return List.of();
        }
        try {
            ZoneId.of(zone.trim());
            return List.of();
        } catch (DateTimeException e) {
            return List.of(new Violation("timeZone", "\"" + zone.trim() + "\" is not a time zone; use a name such as America/New_York"));
        }
    }

    /** Refuses policies that contradict themselves; the sentence is about the first of their {@link #policyProblems}. */
    static void checkPolicies(CoursePolicies p) {
        List<Violation> problems = policyProblems(p);
        if (problems.isEmpty()) {
            return;
        }
        String field = problems.get(0).field();
        String reasons = String.join("; ", problems.stream().filter(v -> v.field().equals(field)).map(Violation::message).toList());
        throw ProblemException.invalid(switch (field) {
            case LATE_POLICY -> "The late policy does not hold together: " + reasons + ".";
            case GRADING -> "The grading policy does not hold together: " + reasons + ".";
            case REMINDERS -> "The reminder lead times are out of range: " + reasons + ".";
            default -> "The largest team cannot be smaller than the smallest team.";
        }, problems);
    }

    private static final String LATE_POLICY = "policies.latePolicy";
    private static final String GRADING = "policies.grading";
    private static final String REMINDERS = "policies.reminders";

    /**
     * The rules between policies that bean validation cannot say, for the API and the course file alike: the late
     * policy and the grading policy hold together, and teams may be as large as their smallest size (the course
     * table's CHECK says the last one again, as a last resort).
     */
    static List<Violation> policyProblems(CoursePolicies p) {
        List<Violation> out = new ArrayList<>();
        if (p.latePolicy() != null) {
            p.latePolicy().problems().forEach(m -> out.add(new Violation(LATE_POLICY, m)));
        }
        if (p.grading() != null) {
            p.grading().problems().forEach(m -> out.add(new Violation(GRADING, m)));
        }
        if (p.reminders() != null) {
            p.reminders().problems().forEach(m -> out.add(new Violation(REMINDERS, m)));
        }
        if (p.maxTeamSize() < p.minTeamSize()) {
            out.add(new Violation("policies.maxTeamSize", "must be at least minTeamSize"));
        }
        return out;
    }

    // Supporting roles

    public List<RoleView> roles(long courseId) {
        return roles.findByCourseIdOrderByPosition(courseId).stream().map(RoleView::of).toList();
    }

    @Transactional
    public RoleView addRole(long courseId, RoleCommand command) {
        List<SupportingRole> existing = roles.findByCourseIdOrderByPosition(courseId);
        requireUniqueRoleName(existing, command.name().trim(), null);
        int position = existing.stream().mapToInt(SupportingRole::position).max().orElse(0) + 1;
        RoleView added = RoleView.of(roles.save(command.role(null, courseId, position)));
        courses.scheduleChanged(courseId);   // the schedule page shows the roles
        return added;
    }

    @Transactional
    public RoleView updateRole(long courseId, long roleId, RoleCommand command) {
        SupportingRole old = role(courseId, roleId);
        requireUniqueRoleName(roles.findByCourseIdOrderByPosition(courseId), command.name().trim(), roleId);
        RoleView updated = RoleView.of(roles.update(command.role(old.id(), courseId, old.position())));
        courses.scheduleChanged(courseId);
        return updated;
    }

    @Transactional
    public void deleteRole(long courseId, long roleId) {
        SupportingRole role = role(courseId, roleId);
        List<String> held = new ArrayList<>();
        guards.forEach(g -> held.addAll(g.heldOnRole(roleId)));
        if (!held.isEmpty()) {
            throw ProblemException.conflict(role.name() + " cannot be deleted: it has " + String.join(", ", held) + ".");
        }
        roles.delete(role);
        courses.scheduleChanged(courseId);
    }

    public SupportingRole role(long courseId, long roleId) {
        return roles.findById(roleId).filter(r -> r.courseId().equals(courseId))
                .orElseThrow(() -> ProblemException.notFound("This course has no supporting role " + roleId + "."));
    }

    private static void requireUniqueRoleName(List<SupportingRole> existing, String name, Long except) {
        Map<String, SupportingRole> byName = existing.stream()
                .collect(Collectors.toMap(r -> r.name().toLowerCase(), Function.identity()));
        SupportingRole same = byName.get(name.toLowerCase());
        if (same != null && !same.id().equals(except)) {
            throw ProblemException.conflict("This course already has a role named " + same.name() + ".");
        }
    }
}
