package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Users, their enrollments, and who is what in which course. Other features ask here, never the repositories. */
@Singleton
public class PeopleService {

    private final UserRepository users;
    private final EnrollmentRepository enrollments;
    private final PasswordHasher hasher;
    private final Clock clock;

    PeopleService(UserRepository users, EnrollmentRepository enrollments, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.enrollments = enrollments;
        this.hasher = hasher;
        this.clock = clock;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Optional<CourseRole> roleIn(long userId, long courseId) {
        return enrollments.findByCourseIdAndUserId(courseId, userId).map(Enrollment::role);
    }

    /**
     * The user's role in the course, with their enrollment row locked until the transaction ends: rules that
     * span several tables for one student (present once, no role where one presents) are decided under it.
     */
    public Optional<CourseRole> lockEnrollment(long courseId, long userId) {
        return enrollments.lock(courseId, userId).map(Enrollment::role);
    }

    public List<Enrollment> enrollmentsOf(long userId) {
        return enrollments.findByUserId(userId);
    }

    public Optional<User> userByEmail(String email) {
        return users.findByEmail(normalizeEmail(email));
    }

    public Optional<User> user(long userId) {
        return users.findById(userId);
    }

    public List<RosterEntry> roster(long courseId) {
        return enrollments.findRoster(courseId);
    }

    /** The user with this email, created (without a password) when new. */
    @Transactional
    public User findOrCreateUser(String email, String name) {
        String normalized = normalizeEmail(email);
        return users.findByEmail(normalized)
                .orElseGet(() -> users.save(new User(null, normalized, name.trim(), null, false, clock.instant())));
    }

    /** A user who may sign in with this password hash (several demo accounts share one hash, made once). */
    @Transactional
    public User createAccount(String email, String name, String passwordHash, boolean courseCreator) {
        String normalized = normalizeEmail(email);
        if (users.findByEmail(normalized).isPresent()) {
            throw ProblemException.conflict("An account with the email " + normalized + " already exists.");
        }
        return users.save(new User(null, normalized, name, passwordHash, courseCreator, clock.instant()));
    }

    public String hashPassword(String password) {
        return hasher.hash(password);
    }

    /** Enrolls the user, or changes their role and section when already enrolled. */
    @Transactional
    public Enrollment enroll(long courseId, long userId, CourseRole role, String section) {
        return enroll(courseId, userId, role, section, null, null);
    }

    /** The same, keeping Canvas's ids of the student when a Canvas roster gives them (null keeps what is stored). */
    @Transactional
    public Enrollment enroll(long courseId, long userId, CourseRole role, String section, @Nullable String canvasUserId,
                             @Nullable String sisUserId) {
        Optional<Enrollment> existing = enrollments.findByCourseIdAndUserId(courseId, userId);
        if (existing.isPresent()) {
            Enrollment e = existing.get();
            return enrollments.update(new Enrollment(e.id(), courseId, userId, role, section,
                    canvasUserId == null ? e.canvasUserId() : canvasUserId, sisUserId == null ? e.sisUserId() : sisUserId));
        }
        return enrollments.save(new Enrollment(null, courseId, userId, role, section, canvasUserId, sisUserId));
    }

    /** Someone added to a roster; {@code initialPassword} is shown once when their account was made for them. */
    @Serdeable
    public record Added(RosterEntry entry, @Nullable String initialPassword) {
    }

    @Serdeable
    public record ImportResult(int added, int updated, int accountsCreated, List<Added> people) {
    }

    /** Adds one person to the course, or changes their role and section; only instructors add staff or change theirs. */
    @Transactional
    public Added addToRoster(long courseId, CourseRole actor, String email, String name, CourseRole role, String section) {
        String normalized = PeopleService.normalizeEmail(email);
        Optional<User> user = users.findByEmail(normalized);
        CourseRole current = user.flatMap(u -> enrollments.findByCourseIdAndUserId(courseId, u.id())).map(Enrollment::role)
                .orElse(null);
        String refusal = refusal(actor, current, role, normalized);
        if (refusal != null) {
            throw ProblemException.forbidden(capitalize(refusal) + ".");
        }
        if (user.isPresent() && role != CourseRole.INSTRUCTOR) {
            keepAnInstructor(courseId, Map.of(user.get().id(), normalized), false);
        }
        return add(courseId, normalized, name, role, section, null, null);
    }

    /** Imports a roster CSV: all rows or none (see {@link RosterImport}). */
    @Transactional
    public ImportResult importRoster(long courseId, CourseRole actor, String csv) {
        List<RosterImport.Row> rows = RosterImport.parse(csv);
        Map<String, User> known = usersByEmail(rows.stream().map(RosterImport.Row::email).toList());
        Map<Long, CourseRole> current = new HashMap<>();
        enrollments.findByCourseId(courseId).forEach(e -> current.put(e.userId(), e.role()));
        List<Problem.Violation> refused = new ArrayList<>();
        Map<Long, String> demoted = new HashMap<>();
        boolean promoted = false;
        for (RosterImport.Row r : rows) {
            User user = known.get(r.email());
            String refusal = refusal(actor, user == null ? null : current.get(user.id()), r.role(), r.email());
            if (refusal != null) {
                refused.add(new Problem.Violation("line " + r.line(), refusal));
            }
            if (user != null && r.role() != CourseRole.INSTRUCTOR) {
                demoted.put(user.id(), r.email());
            }
            promoted |= r.role() == CourseRole.INSTRUCTOR;
        }
        if (!refused.isEmpty()) {
            throw ProblemException.invalid("Only instructors can add TAs and instructors or change their roles; nobody was added.",
                    refused);
        }
        keepAnInstructor(courseId, demoted, promoted);
        int added = 0;
        int created = 0;
        List<Added> people = new ArrayList<>();
        for (RosterImport.Row row : rows) {
            boolean enrolled = users.findByEmail(row.email())
                    .flatMap(u -> enrollments.findByCourseIdAndUserId(courseId, u.id())).isPresent();
            Added a = add(courseId, row.email(), row.name(), row.role(), row.section(), row.canvasUserId(), row.sisUserId());
            added += enrolled ? 0 : 1;
            created += a.initialPassword() == null ? 0 : 1;
            people.add(a);
        }
        return new ImportResult(added, rows.size() - added, created, people);
    }

    private Added add(long courseId, String email, String name, CourseRole role, String section, @Nullable String canvasUserId,
                      @Nullable String sisUserId) {
        Optional<User> existing = users.findByEmail(email);
        String initialPassword = null;
        User user;
        if (existing.isPresent()) {
            user = existing.get();
        } else {
            initialPassword = InitialPasswords.next();
            user = users.save(new User(null, email, name == null || name.isBlank() ? email : name.trim(),
                    hasher.hash(initialPassword), false, clock.instant()));
        }
        Enrollment e = enroll(courseId, user.id(), role, section, canvasUserId, sisUserId);
        return new Added(new RosterEntry(e.id(), user.id(), user.email(), user.name(), role, section, e.canvasUserId(),
                e.sisUserId()), initialPassword);
    }

    /**
     * Why the actor may not give this person ({@code current} role in the course, null when not enrolled) the role,
     * or null when they may: TAs add and update students only; staff roles are the instructors' to give and change.
     */
    private static String refusal(CourseRole actor, @Nullable CourseRole current, CourseRole role, String email) {
        if (actor == CourseRole.INSTRUCTOR) {
            return null;
        }
        if (current != null && current.isStaff()) {
            return "only instructors can change the role of " + email + ", who is " + (current == CourseRole.TA ? "a TA" : "an instructor")
                    + " in this course";
        }
        if (role.isStaff()) {
            return "only instructors can add TAs and instructors";
        }
        return null;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * Refuses a change that would leave the course without an instructor. The instructors' rows are locked first and
     * then read afresh, so that two instructors demoting each other at the same moment are decided one after the other.
     */
    private void keepAnInstructor(long courseId, Map<Long, String> demoted, boolean someonePromoted) {
        if (demoted.isEmpty() || someonePromoted) {
            return;
        }
        enrollments.lockInstructors(courseId);
        List<Enrollment> instructors = enrollments.findByCourseIdAndRole(courseId, CourseRole.INSTRUCTOR);
        if (!instructors.isEmpty() && instructors.stream().allMatch(e -> demoted.containsKey(e.userId()))) {
            String names = instructors.stream().map(e -> demoted.get(e.userId())).sorted().collect(Collectors.joining(" and "));
            throw ProblemException.conflict("A course must keep at least one instructor: make someone else an instructor first, "
                    + "then change the role of " + names + ".");
        }
    }

    private Map<String, User> usersByEmail(List<String> emails) {
        Map<String, User> found = new HashMap<>();
        // Chunks keep the IN list within what every database and driver accepts.
        for (int i = 0; i < emails.size(); i += 1000) {
            users.findByEmailIn(emails.subList(i, Math.min(emails.size(), i + 1000))).forEach(u -> found.put(u.email(), u));
        }
        return found;
    }

    Optional<User> authenticate(String email, String password) {
        Optional<User> user = users.findByEmail(normalizeEmail(email));
        // Always run bcrypt, so that an unknown email takes as long as a wrong password.
        boolean ok = hasher.matches(password, user.map(User::passwordHash).orElse(null));
        return ok ? user.filter(u -> u.passwordHash() != null) : Optional.empty();
    }

    @Transactional
    void changePassword(long userId, String currentPassword, String newPassword) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("Your account no longer exists."));
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw ProblemException.invalid("Your current password is not right.",
                    List.of(new Problem.Violation("currentPassword", "is not right")));
        }
        users.update(user.withPasswordHash(hasher.hash(newPassword)));
    }
}
