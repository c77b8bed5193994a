package org.paperclub.signup;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.paperclub.system.Rows;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.CourseService;
import org.paperclub.course.ScheduleService;
import org.paperclub.course.ClassSession;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What other features (grading, the calendar) may read of the sign-ups: who presents what and who holds which
 * role where, course-wide in a few queries, and the blocks of sessions that coverage counts.
 */
@Singleton
public class SignupLedger {

    private final PresentationRepository presentations;
    private final PresentationMemberRepository members;
    private final RoleSignupRepository roleSignups;
    private final CourseService courses;
    private final ScheduleService schedule;
    private final JdbcOperations jdbc;
    private final SignupBoard board;

    SignupLedger(PresentationRepository presentations, PresentationMemberRepository members, RoleSignupRepository roleSignups,
                 CourseService courses, ScheduleService schedule, JdbcOperations jdbc, SignupBoard board) {
        this.board = board;
        this.presentations = presentations;
        this.members = members;
        this.roleSignups = roleSignups;
        this.courses = courses;
        this.schedule = schedule;
        this.jdbc = jdbc;
    }

    /** A presenting team; {@code proposed} while an off-list paper waits for approval. Members in team order. */
    public record Team(long id, long sessionId, long paperId, boolean proposed, List<Long> memberIds) {
    }

    /** A student holding a supporting role in a session. */
    public record Holding(long sessionId, long roleId, long userId) {
    }

    /**
     * Every team of the course, members in team order. One query read by hand: the gradebook of a large course reads
     * a thousand teams, and mapping them as entities cost more than the query.
     */
    @Transactional(readOnly = true)
    public List<Team> teams(long courseId) {
        record Row(long id, long sessionId, long paperId, boolean proposed, Long member) {
        }
        List<Row> rows = Rows.list(jdbc, """
                select p.id, p.session_id, p.paper_id, p.status, m.user_id
                from presentation p left join presentation_member m on m.presentation_id = p.id
                where p.course_id = ? order by p.id, m.place""", courseId,
                rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        PresentationStatus.valueOf(rs.getString(4)) == PresentationStatus.PROPOSED, rs.getObject(5, Long.class)));
        List<Team> teams = new ArrayList<>();
        for (int i = 0; i < rows.size(); ) {
            Row first = rows.get(i);
            List<Long> members = new ArrayList<>(2);
            for (; i < rows.size() && rows.get(i).id() == first.id(); i++) {
                if (rows.get(i).member() != null) {
                    members.add(rows.get(i).member());
                }
            }
            teams.add(new Team(first.id(), first.sessionId(), first.paperId(), first.proposed(), List.copyOf(members)));
        }
        return teams;
    }

    /** The teams presenting in one session. */
    @Transactional(readOnly = true)
    public List<Team> teamsIn(long sessionId) {
        return presentations.findBySessionId(sessionId).stream().map(p -> team(p, members.findByPresentationId(p.id()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Team> team(long courseId, long presentationId) {
        return presentations.findByIdAndCourseId(presentationId, courseId)
                .map(p -> team(p, members.findByPresentationId(p.id())));
    }

    private static Team team(Presentation p, List<PresentationMember> ms) {
        return new Team(p.id(), p.sessionId(), p.paperId(), p.status() == PresentationStatus.PROPOSED,
                ms.stream().sorted(Comparator.comparingInt(PresentationMember::place)).map(PresentationMember::userId).toList());
    }

    /** Every role held in the course, in seat order. Three columns read by hand: a large course has tens of thousands. */
    @Transactional(readOnly = true)
    public List<Holding> holdings(long courseId) {
        return holdings("course_id", courseId);
    }

    /**
     * Every role held in the course, in no particular order: for counting and matching (the gradebook), which then
     * does not pay for sorting tens of thousands of seats.
     */
    @Transactional(readOnly = true)
    public List<Holding> holdingsUnordered(long courseId) {
        return Rows.list(jdbc, "select session_id, role_id, user_id from role_signup where course_id = ?", courseId,
                rs -> new Holding(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** The roles held in one session, in seat order. */
    @Transactional(readOnly = true)
    public List<Holding> holdingsIn(long sessionId) {
        return holdings("session_id", sessionId);
    }

    private List<Holding> holdings(String column, long id) {
        return Rows.list(jdbc, "select session_id, role_id, user_id from role_signup where " + column + " = ? order by seat, id", id,
                rs -> new Holding(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }

    /** The holders of a role in a session, in seat order. */
    @Transactional(readOnly = true)
    public List<Long> holders(long sessionId, long roleId) {
        return roleSignups.findBySessionIdAndRoleId(sessionId, roleId).stream()
                .sorted(Comparator.comparingInt(RoleSignup::seat)).map(RoleSignup::userId).toList();
    }

    /** A team the student presents in: when, what, with whom ({@code team} in team order, the student included). */
    @Serdeable
    public record MyPresentation(long sessionId, int sessionNumber, OffsetDateTime startsAt, String paperTitle, boolean proposed,
                                 List<String> team) {
    }

    /** A supporting role the student holds. */
    @Serdeable
    public record MyRole(long sessionId, int sessionNumber, OffsetDateTime startsAt, String roleName) {
    }

    /** A session of a block the student still lacks a role in, open to them: the roles with a free seat. */
    @Serdeable
    public record OpenSession(long sessionId, int sessionNumber, OffsetDateTime startsAt, OffsetDateTime freezesAt, List<String> freeRoles) {
    }

    /** A block in which the student holds no role yet, and the sessions in it they can still sign up for. */
    @Serdeable
    public record MissingBlock(int block, String name, List<OpenSession> open) {
    }

    /** A student's sign-ups in a course, and what the coverage rule still asks of them. */
    @Serdeable
    public record MySignups(boolean open, @Nullable OffsetDateTime opensAt, int presentationsRequired,
                            List<MyPresentation> presentations, List<MyRole> roles, List<MissingBlock> missingBlocks) {
    }

    @Transactional(readOnly = true)
    public MySignups mine(long courseId, long studentId) {
        return board.mine(courseId, studentId);
    }

    /** The blocks of sessions in each of which every student holds one supporting role (the coverage rule). */
    @Transactional(readOnly = true)
    public List<List<ClassSession>> blocks(long courseId) {
        return SignupRules.blocks(courses.get(courseId), schedule.sessions(courseId), !courses.roles(courseId).isEmpty());
    }

    /** The index of each session's block among {@code blocks}, by session id. */
    public static Map<Long, Integer> blockOf(List<List<ClassSession>> blocks) {
        return SignupRules.blockOf(blocks);
    }
}
