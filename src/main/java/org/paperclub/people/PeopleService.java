package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users, their enrollments, and who is what in which course. Other features ask here, never the repositories. */
@Singleton
public class PeopleService {

    private final UserRepository users;
    private final EnrollmentRepository enrollments;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInSessions sessions;

    PeopleService(UserRepository users, EnrollmentRepository enrollments, PasswordHasher hasher, Clock clock,
                  SignInSessions sessions) {
        this.users = users;
        this.enrollments = enrollments;
        this.hasher = hasher;
        this.clock = clock;
        this.sessions = sessions;
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

    /** Adds one person to the course; only instructors add staff. */
    @Transactional
    public Added addToRoster(long courseId, CourseRole actor, String email, String name, CourseRole role, String section) {
        requireMayAdd(actor, role);
        return add(courseId, PeopleService.normalizeEmail(email), name, role, section, null, null);
    }

    /** Imports a roster CSV: all rows or none (see {@link RosterImport}). */
    @Transactional
    public ImportResult importRoster(long courseId, CourseRole actor, String csv) {
        List<RosterImport.Row> rows = RosterImport.parse(csv);
        List<Problem.Violation> refused = rows.stream()
                .filter(r -> r.role().isStaff() && actor != CourseRole.INSTRUCTOR)
                .map(r -> new Problem.Violation("line " + r.line(), "only instructors can add staff"))
                .toList();
        if (!refused.isEmpty()) {
            throw ProblemException.invalid("Only instructors can add TAs and instructors; nobody was added.", refused);
        }
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

    private static void requireMayAdd(CourseRole actor, CourseRole role) {
        if (role.isStaff() && actor != CourseRole.INSTRUCTOR) {
            throw ProblemException.forbidden("Only instructors can add TAs and instructors.");
        }
    }

    Optional<User> authenticate(String email, String password) {
        Optional<User> user = users.findByEmail(normalizeEmail(email));
        // Always run bcrypt, so that an unknown email takes as long as a wrong password.
        boolean ok = hasher.matches(password, user.map(User::passwordHash).orElse(null));
        return ok ? user.filter(u -> u.passwordHash() != null) : Optional.empty();
    }

    /** Changes the password and ends every other session of the user, in one transaction. */
    @Transactional
    void changePassword(long userId, String currentPassword, String newPassword, @Nullable String keepSession) {
        User user = users.findById(userId).orElseThrow(() -> ProblemException.notFound("Your account no longer exists."));
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throw ProblemException.invalid("Your current password is not right.",
                    List.of(new Problem.Violation("currentPassword", "is not right")));
        }
        users.update(user.withPasswordHash(hasher.hash(newPassword)));
        sessions.endAll(userId, keepSession);
    }
}
