package org.paperclub.signup;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.paperclub.course.SessionKind;
import org.paperclub.people.CourseRole;
import org.paperclub.people.RosterEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the sign-up API sends. */
final class SignupViews {

    private SignupViews() {
    }

    @Serdeable
    record Person(Long userId, String name) {
    }

    /** {@code invited}: partners asked to join, who have not answered yet (they are not members until they accept). */
    @Serdeable
    record PresentationView(Long id, Long sessionId, int sessionNumber, Long paperId, String paperTitle, boolean officialPaper,
                            PresentationStatus status, int slot, List<Person> members, int maxTeamSize, List<String> notes,
                            List<Person> invited) {
    }

    /** An invitation to me: who asked me to present which paper in which session. */
    @Serdeable
    record InvitationView(Long id, Long presentationId, Long sessionId, int sessionNumber, String paperTitle, String invitedBy) {
    }

    @Serdeable
    record Holder(Long signupId, Long userId, String name) {
    }

    @Serdeable
    record Seats(Long roleId, String roleName, int capacity, List<Holder> holders) {
    }

    @Serdeable
    record BoardPaper(Long paperId, String title, boolean official) {
    }

    @Serdeable
    record BoardSession(Long id, int number, LocalDate date, OffsetDateTime startsAt, String topic, SessionKind kind,
                        boolean hasRoles, boolean frozen, OffsetDateTime freezesAt, @Nullable Integer block,
                        int presentationSlots, List<BoardPaper> papers, List<PresentationView> presentations,
                        List<Seats> seats, List<String> notes) {
    }

    @Serdeable
    record RoleInfo(Long id, String name, String description, int capacity) {
    }

    @Serdeable
    record Block(int index, String name, List<Long> sessionIds) {
    }

    /** The caller's own standing: their presentations, and the blocks where they still need a role. */
    @Serdeable
    record Mine(Long userId, int presentationsRequired, List<Long> presentationIds, List<Long> roleSignupIds,
                List<Integer> blocksMissingRole, List<InvitationView> invitations) {
    }

    @Serdeable
    record Notice(Instant at, String detail) {
    }

    @Serdeable
    /** The board; {@code students} (the roster's students, for staff's choice lists) is null for a student. */
    record Board(Long courseId, CourseRole viewerRole, boolean open, @Nullable OffsetDateTime opensAt, int maxTeamSize,
                 List<RoleInfo> roles, List<Block> blocks, List<BoardSession> sessions, @Nullable Mine mine,
                 List<Notice> notices, @Nullable List<RosterEntry> students) {
    }

    @Serdeable
    record StudentCoverage(Long userId, String name, String email, int roleCount, int presentationCount,
                           int presentationsRequired, List<Integer> blocksMissingRole) {
    }

    @Serdeable
    /** Coverage, with the audit trail of sign-up changes (newest first) that the coverage page shows below it. */
    record Coverage(List<Block> blocks, List<StudentCoverage> students, int gaps, int studentsWithoutPresentation,
                    List<EventView> audit) {
    }

    @Serdeable
    record Assignment(Long studentId, String studentName, int block, Long sessionId, int sessionNumber, Long roleId,
                      String roleName) {
    }

    @Serdeable
    record Unfilled(Long studentId, String studentName, int block, String reason) {
    }

    @Serdeable
    record AutoFillPlan(List<Assignment> assignments, List<Unfilled> unfilled) {
    }

    @Serdeable
    record AppliedAssignment(Assignment assignment, boolean done, @Nullable Long signupId, @Nullable String problem) {
    }

    @Serdeable
    record EventView(Long id, Instant at, String actor, String action, @Nullable Integer sessionNumber, String detail) {
    }

    @Serdeable
    record RoleSignupView(Long id, Long sessionId, Long roleId, String roleName, Long userId, String name, int seat) {
    }
}
