package org.paperclub.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.mail.Mail;
import org.paperclub.mail.Outbox;
import org.paperclub.system.Problem;
import org.paperclub.system.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Users, their enrollments, and who is what in which course. Other features ask here, never the repositories. */
@Singleton
public class PeopleService {

    private final UserRepository users;
    private final EnrollmentRepository enrollments;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SignInSessions sessions;
    private final Invitations invitations;
    private final Outbox outbox;
    private final AccountMail mail;
    private final ExternalIdentityRepository identities;
    private final RosterRead rosterRead;

    PeopleService(UserRepository users, EnrollmentRepository enrollments, PasswordHasher hasher, Clock clock,
                  SignInSessions sessions, Invitations invitations, Outbox outbox, AccountMail mail,
                  ExternalIdentityRepository identities, RosterRead rosterRead) {
        this.rosterRead = rosterRead;
        this.users = users;
        this.enrollments = enrollments;
        this.hasher = hasher;
        this.clock = clock;
        this.sessions = sessions;
        this.invitations = invitations;
        this.outbox = outbox;
        this.mail = mail;
        this.identities = identities;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The user's role in the course; none when they are not enrolled or were withdrawn (removed) from it. */
    public Optional<CourseRole> roleIn(long userId, long courseId) {
        return enrollments.findByCourseIdAndUserId(courseId, userId).filter(Enrollment::active).map(Enrollment::role);
    }

    /**
     * {@link #roleIn} for the signed-in caller of the request being served (the course gate): the check of the
     * request's session read their enrollment in the course the path names in the same statement, a moment ago
     * ({@link SessionClaimsValidator}); any other user or course, or no such request, reads it here.
     */
    public Optional<CourseRole> callerRoleIn(long userId, long courseId) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isPresent() && request.get().getAttribute(SessionClaimsValidator.LIVE).orElse(null)
                instanceof SignInSessions.Live live && live.userId() == userId && live.courseId() == courseId) {
            return Optional.ofNullable(live.role());
        }
        return roleIn(userId, courseId);
    }

    /**
     * The user's role in the course, with their enrollment row locked until the transaction ends: rules that
     * span several tables for one student (present once, no role where one presents) are decided under it.
     * Whoever locks several takes them in user id order, after the session row and before any grade row (README,
     * "Locks"), so that two requests never wait for each other.
     */
    public Optional<CourseRole> lockEnrollment(long courseId, long userId) {
        return enrollments.lock(courseId, userId).filter(Enrollment::active).map(Enrollment::role);
    }

    /** The courses the user is enrolled in (not those they were withdrawn from). */
    public List<Enrollment> enrollmentsOf(long userId) {
        return enrollments.findByUserId(userId).stream().filter(Enrollment::active).toList();
    }

    /**
     * Whether the actor has authority over every course role the account holds: an instructor of each of its courses,
     * or a TA of each where it is a student. A set-password link is the key to the account, so a TA who enrols an
     * unactivated instructor of another course as a student must not be handed one (it would take over that
     * instructor's account and course).
     */
    public boolean answersFor(long actorId, long userId) {
        for (Enrollment e : enrollments.findByUserId(userId)) {
            CourseRole mine = enrollments.findByCourseIdAndUserId(e.courseId(), actorId).map(Enrollment::role).orElse(null);
            if (mine != CourseRole.INSTRUCTOR && !(mine == CourseRole.TA && e.role() == CourseRole.STUDENT)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the person is a TA or instructor of any course. */
    public boolean staffAnywhere(long userId) {
        return enrollments.findByUserId(userId).stream().anyMatch(e -> e.role().isStaff());
    }

    public Optional<User> userByEmail(String email) {
        return users.findByEmail(normalizeEmail(email));
    }

    public Optional<User> user(long userId) {
        return users.findById(userId);
    }

    /** The accounts of these ids (those that exist), in one query. */
    public List<User> users(java.util.Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : users.findByIdIn(userIds);
    }

    /** Everyone in the course, withdrawn students too (marked so): their work stays and is still listed by name. */
    public List<RosterEntry> roster(long courseId) {
        // Instructors, TAs, then students; names in natural order (Student 2 before Student 10).
        return rosterRead.of(courseId, clock.instant()).stream()
                .sorted(java.util.Comparator.comparing((RosterEntry e) -> -e.role().ordinal())
                        .thenComparing(org.paperclub.system.NaturalOrder.by(RosterEntry::name))
                        .thenComparing(RosterEntry::email))
                .toList();
    }

    /** Everyone on the course's roster (students and staff), by user id, with their name. */
    public Map<Long, String> namesOf(long courseId) {
        return roster(courseId).stream().collect(Collectors.toMap(RosterEntry::userId, RosterEntry::name, (a, b) -> a));
    }

    /** The students still enrolled (not withdrawn). */
    public List<RosterEntry> activeStudents(long courseId) {
        return roster(courseId).stream().filter(e -> e.role() == CourseRole.STUDENT && !e.withdrawn()).toList();
    }

    /**
     * Withdraws a student from the course: the enrollment row stays (their work is kept and counted as withdrawn) but
     * every access check treats them as not enrolled. The row is locked first (README, "Locks"). Adding them to the
     * roster again re-enrolls them. Staff are not withdrawn: change their role to student first.
     */
    @Transactional
    public RosterEntry withdraw(long courseId, long userId) {
        Enrollment e = enrollments.lock(courseId, userId)
                .orElseThrow(() -> ProblemException.notFound("That person is not on this course's roster."));
        User user = users.findById(userId).orElseThrow();
        if (!e.active()) {
            throw ProblemException.conflict(user.name() + " was already removed from this course.");
        }
        if (e.role() != CourseRole.STUDENT) {
            throw ProblemException.conflict(user.name() + " is " + (e.role() == CourseRole.TA ? "a TA" : "an instructor")
                    + " of this course; only students are removed. Make them a student first.");
        }
        return entry(enrollments.update(new Enrollment(e.id(), courseId, userId, e.role(), e.section(), e.canvasUserId(),
                e.sisUserId(), clock.instant())), user);
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
            // Enrolling a withdrawn student again gives them back their access (and their kept work).
            return enrollments.update(new Enrollment(e.id(), courseId, userId, role, section,
                    canvasUserId == null ? e.canvasUserId() : canvasUserId, sisUserId == null ? e.sisUserId() : sisUserId, null));
        }
        return enrollments.save(new Enrollment(null, courseId, userId, role, section, canvasUserId, sisUserId, null));
    }

    /**
     * Someone added to a roster. When the account was made for them or still has no password, they get an invitation:
     * e-mailed to them ({@code invitationEmailed}) when e-mail is on; else {@code invitationLink} (a path on this site)
     * is shown to staff once, for them to hand out. The link is the key to the account, so it is never both.
     */
    @Serdeable
    public record Added(RosterEntry entry, @Nullable String invitationLink, @Nullable Instant invitationExpiresAt,
                        boolean invitationEmailed) {
    }

    @Serdeable
    public record ImportResult(int added, int updated, int accountsCreated, int invitationsEmailed, List<Added> people) {
    }

    /**
     * Adds one person to the course, or changes their role and section; only instructors add staff or change theirs.
     * A new account gets a set-password link. One whose owner never set a password gets a new link (older ones stop
     * working) only when the actor answers for every course role it holds (see {@link #answersFor}).
     */
    @Transactional
    public Added addToRoster(long courseId, long actorId, CourseRole actor, String email, String name, CourseRole role,
                             String section, InvitingCourse course) {
        String normalized = PeopleService.normalizeEmail(email);
        Optional<User> existing = users.findByEmail(normalized);
        CourseRole current = existing.flatMap(u -> enrollments.findByCourseIdAndUserId(courseId, u.id())).map(Enrollment::role)
                .orElse(null);
        String refusal = refusal(actor, current, role, normalized);
        if (refusal != null) {
            throw ProblemException.forbidden(capitalize(refusal) + ".");
        }
        if (existing.isPresent() && role != CourseRole.INSTRUCTOR) {
            keepAnInstructor(courseId, Map.of(existing.get().id(), normalized), false);
        }
        User user = existing.orElseGet(() -> users.save(newUser(normalized, name)));
        Invitations.Issued link = user.passwordHash() == null && answersFor(actorId, user.id()) ? invitations.reissue(user.id()) : null;
        Enrollment e = enroll(courseId, user.id(), role, section, null, null);
        boolean mailed = link != null && invite(user, link, course, actorId);
        return added(e, user, link, mailed);
    }

    /**
     * Sends a person of the course a new invitation (their older links stop working): e-mailed when e-mail is on, else
     * returned once for staff to hand out. For an account without a password; with e-mail off, also for one that has a
     * password (a person who forgot it then has no other way back in). Same rule as {@link #addToRoster}: only staff
     * who answer for every course role the account holds.
     */
    @Transactional
    public Added resendInvitation(long courseId, long actorId, long userId, InvitingCourse course) {
        Enrollment e = enrollments.findByCourseIdAndUserId(courseId, userId).filter(Enrollment::active)
                .orElseThrow(() -> ProblemException.notFound("That person is not on this course's roster."));
        User user = users.findById(userId).orElseThrow();
        if (!answersFor(actorId, userId)) {
            throw ProblemException.forbidden("Only an instructor of each of " + user.name() + "'s courses can send them a "
                    + "set-password link: it is the key to their account.");
        }
        if (user.passwordHash() != null && outbox.enabled()) {
            throw ProblemException.conflict(user.name() + " has chosen a password already. If they forgot it, \"Forgot your "
                    + "password?\" on the sign-in page e-mails them a link to choose a new one.");
        }
        Invitations.Issued link = invitations.reissue(userId);
        // Staff send again after fixing an address, or to try once more: the last refusal no longer stands for this mail.
        users.markMailRefused(userId, null, null);
        boolean mailed = invite(user, link, course, actorId);
        return added(e, users.findById(userId).orElseThrow(), link, mailed);
    }

    /** Queues the invitation e-mail; false when e-mail is off (the caller then shows the link instead). */
    private boolean invite(User user, Invitations.Issued link, InvitingCourse course, long actorId) {
        if (!outbox.enabled()) {
            return false;
        }
        String invitedBy = users.findById(actorId).map(User::name).orElse(null);
        return outbox.enqueue(mail.invitation(user, course, invitedBy, link, invitations.validity()));
    }

    private Added added(Enrollment e, User user, @Nullable Invitations.Issued link, boolean mailed) {
        RosterEntry entry = entry(e, user, link);
        return new Added(entry, link == null || mailed ? null : link.link(), link == null ? null : link.expiresAt(), mailed);
    }

    /**
     * Imports a roster CSV: all rows or none (see {@link RosterImport}). New accounts get no password, only a
     * set-password link each, and every write goes in batches: 5,000 new students take seconds, not the minutes that
     * a bcrypt hash per row took.
     */
    @Transactional
    public ImportResult importRoster(long courseId, long actorId, CourseRole actor, byte[] csv, InvitingCourse course) {
        List<RosterImport.Row> rows = RosterImport.parse(csv);
        Map<String, User> known = usersByEmail(rows.stream().map(RosterImport.Row::email).toList());
        Map<Long, Enrollment> current = new HashMap<>();
        enrollments.findByCourseId(courseId).forEach(e -> current.put(e.userId(), e));
        List<Problem.Violation> refused = new ArrayList<>();
        Map<Long, String> demoted = new HashMap<>();
        boolean promoted = false;
        for (RosterImport.Row r : rows) {
            User user = known.get(r.email());
            Enrollment enrolled = user == null ? null : current.get(user.id());
            String refusal = refusal(actor, enrolled == null ? null : enrolled.role(), r.role(), r.email());
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

        List<User> fresh = rows.stream().filter(r -> !known.containsKey(r.email())).map(r -> newUser(r.email(), r.name())).toList();
        Map<String, User> accounts = new HashMap<>(known);
        Map<Long, Invitations.Issued> links = new HashMap<>();
        List<User> saved = saveInBatches(fresh, users::saveAll);
        saved.forEach(u -> accounts.put(u.email(), u));
        List<Long> freshIds = saved.stream().map(User::id).toList();
        List<Invitations.Issued> issued = invitations.issue(freshIds);
        for (int i = 0; i < freshIds.size(); i++) {
            links.put(freshIds.get(i), issued.get(i));
        }

        List<Enrollment> toInsert = new ArrayList<>();
        List<Enrollment> toUpdate = new ArrayList<>();
        for (RosterImport.Row r : rows) {
            long userId = accounts.get(r.email()).id();
            Enrollment e = current.get(userId);
            if (e == null) {
                toInsert.add(new Enrollment(null, courseId, userId, r.role(), r.section(), r.canvasUserId(), r.sisUserId(), null));
            } else {
                toUpdate.add(new Enrollment(e.id(), courseId, userId, r.role(), r.section(),
                        r.canvasUserId() == null ? e.canvasUserId() : r.canvasUserId(), r.sisUserId() == null ? e.sisUserId() : r.sisUserId(),
                        null));
            }
        }
        // Updated in user id order, the order in which sign-ups and grading lock students' enrollment rows, so that an
        // import cannot deadlock with them.
        toUpdate.sort(Comparator.comparing(Enrollment::userId));
        Map<Long, Enrollment> written = new HashMap<>();
        saveInBatches(toInsert, enrollments::saveAll).forEach(e -> written.put(e.userId(), e));
        saveInBatches(toUpdate, enrollments::updateAll).forEach(e -> written.put(e.userId(), e));

        boolean mailing = outbox.enabled();
        if (mailing && !saved.isEmpty()) {
            String invitedBy = users.findById(actorId).map(User::name).orElse(null);
            List<Mail> mails = new ArrayList<>(saved.size());
            for (User u : saved) {
                mails.add(mail.invitation(u, course, invitedBy, links.get(u.id()), invitations.validity()));
            }
            outbox.enqueueAll(mails);
        }
        List<Added> people = new ArrayList<>(rows.size());
        for (RosterImport.Row r : rows) {
            User user = accounts.get(r.email());
            people.add(added(written.get(user.id()), user, links.get(user.id()), mailing && links.containsKey(user.id())));
        }
        return new ImportResult(toInsert.size(), toUpdate.size(), fresh.size(), mailing ? saved.size() : 0, people);
    }

    private static <T> List<T> saveInBatches(List<T> rows, Function<List<T>, Iterable<T>> write) {
        List<T> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i += 500) {
            write.apply(rows.subList(i, Math.min(rows.size(), i + 500))).forEach(out::add);
        }
        return out;
    }

    private User newUser(String email, String name) {
        // No password: nobody can sign in to it until its owner sets one through the invitation link.
        return new User(null, email, name == null || name.isBlank() ? email : name.trim(), null, false, clock.instant());
    }

    /** The person's roster line after a change (the invitation as it now stands; the refusal mark is left to the list). */
    private RosterEntry entry(Enrollment e, User user) {
        return entry(e, user, null);
    }

    /** The same, for a person just given the link {@code issued} (no need to read it back). */
    private RosterEntry entry(Enrollment e, User user, @Nullable Invitations.Issued issued) {
        Invitations.Pending pending = user.passwordHash() != null ? null
                : issued != null ? new Invitations.Pending(clock.instant(), issued.expiresAt())
                : invitations.pending(user.id()).orElse(null);
        InvitationState state = user.passwordHash() != null ? null
                : pending != null && pending.expiresAt().isAfter(clock.instant()) ? InvitationState.PENDING
                : pending == null && !identities.findIssuersByUserId(user.id()).isEmpty() ? null : InvitationState.EXPIRED;
        return new RosterEntry(e.id(), user.id(), user.email(), user.name(), e.role(), e.section(), e.canvasUserId(), e.sisUserId(),
                !e.active(), state, pending == null ? null : pending.sentAt(), pending == null ? null : pending.expiresAt(), null, null);
    }

    /**
     * The SMTP server refused this address for good: the account is marked, for its staff to see on the roster and for
     * the outbox to send it no more notices, until staff send the invitation again or the server takes a message for
     * it (an invitation or a password reset, which go despite the mark).
     */
    @Transactional
    public void mailRefused(@Nullable Long userId, String address, String reason) {
        String clipped = reason.length() > 500 ? reason.substring(0, 500) : reason;
        if (userId != null) {
            users.markMailRefused(userId, clock.instant(), clipped);
        } else {
            users.markMailRefusedByEmail(normalizeEmail(address), clock.instant(), clipped);
        }
    }

    /** The server took a message for this account's address: it works again. */
    @Transactional
    void mailAccepted(long userId) {
        users.markMailRefused(userId, null, null);
    }

    /** Of these accounts, those whose address is marked refused, with what the server answered. */
    @Transactional
    Map<Long, String> mailRefusals(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> marked = new HashMap<>();
        for (UserRepository.RefusalMark m : users.findMailRefused(userIds)) {
            marked.put(m.id(), m.mailRefusedReason() == null ? "refused" : m.mailRefusedReason());
        }
        return marked;
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

    /** Ends every session of the user, on every instance (staff do it after a shared or stolen laptop). */
    public void signOutEverywhere(long userId) {
        sessions.endAll(userId, null);
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
