package org.paperclub.signup;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.paperclub.course.SessionKind;
import org.paperclub.signup.SignupService.Actor;
import org.paperclub.system.LowestFree;
import org.paperclub.system.ProblemException;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * In a rush most sign-ups find the role already full; they are answered 409 here, from committed rows read without
 * the session's lock, instead of queueing for it (a role's 2 seats, 30 students waiting). This is safe: a seat frees
 * up only when a change commits (a withdrawal, a switch or move away, a larger capacity read with the role), so
 * "full" was true at the moment of this read, and a request that starts after such a commit reads the free seat and
 * takes the locked path. Only a plain "full" is answered here, with the checks that come before it in the locked
 * path (held, roles, the window, no role held in the session, not presenting there) passed on committed reads: any
 * other answer, and every seat taken, still goes through the lock, and the unique keys stay the last guard.
 * <p>
 * The read runs before any transaction, in a connection of its own: a 409 thrown inside the sign-up's transaction
 * rolled it back, and H2 drops every statement a connection has parsed at each rollback (its query cache), so in a
 * rush of 500 the 440 "full" answers made the next requests on those connections parse all their SQL again (13 % of
 * the rush's server CPU in a profile, src/bench/README.md).
 */
@Singleton
class FullRoles {

    private final JdbcOperations jdbc;
    private final Clock clock;

    FullRoles(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Throws the 409 "full" when the role has no free seat for this student; otherwise leaves it to the locked path. */
    @Connectable
    void refuseIfFull(long courseId, long sessionId, long roleId, Actor actor, long studentId) {
        // One round trip for everything a "full" answer needs, read before anything else: of a rush of 500, 440 end
        // here. The course's and the session's columns are read by hand only for this check; the locked path reads
        // them through their services. No row (no such session or role in this course) leaves the answer to the
        // locked path.
        var now = clock.instant();
        ProblemException full = jdbc.prepareStatement(FULL, statement -> {
            statement.setLong(1, roleId);
            statement.setLong(2, sessionId);
            statement.setLong(3, sessionId);
            statement.setLong(4, studentId);
            statement.setLong(5, sessionId);
            statement.setLong(6, courseId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;   // no such session or role in this course: the locked path says which
                }
                int number = rs.getInt(1);
                boolean hasRoles = SessionKind.valueOf(rs.getString(4)) == SessionKind.PRESENTATION;   // held ones
                ZonedDateTime startsAt = ZonedDateTime.of(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalTime.class),
                        ZoneId.of(rs.getString(5)));
                OffsetDateTime opensAt = rs.getObject(7, OffsetDateTime.class);
                boolean open = SignupRules.open(opensAt == null ? null : opensAt.toInstant(), startsAt, rs.getInt(6), now);
                String roleName = rs.getString(8);
                int capacity = rs.getInt(9);
                Set<Integer> taken = new HashSet<>();
                do {
                    long holder = rs.getLong(13);
                    if (rs.wasNull()) {
                        continue;   // nobody holds a seat in the session, and the student presents nowhere there
                    }
                    if (holder == studentId) {
                        return null;   // a seat of the student's in the session, or their team there
                    } else if (rs.getInt(10) == 0 && rs.getLong(11) == roleId) {
                        taken.add(rs.getInt(12));
                    }
                } while (rs.next());
                if (!hasRoles || (!actor.staff() && !open) || LowestFree.of(taken, capacity) != 0) {
                    return null;   // the locked path gives the reason, or takes the seat
                }
                return SignupRules.full(roleName, number, taken.size(), capacity);   // the same 409 as under the lock
            }
        });
        if (full != null) {
            throw full;
        }
    }

    /**
     * The session, its course's sign-up window, the role (of the same course), and beside them, one row each: the
     * session's taken seats (kind 0: role, seat, holder) and the student's place in a team presenting there (kind 1).
     */
    private static final String FULL = """
            select s.number, s.session_date, s.start_time, s.kind, c.time_zone, c.signup_freeze_hours, c.signup_opens_at,
                   r.name, r.capacity, x.kind, x.role_id, x.seat, x.user_id
            from class_session s
            join course c on c.id = s.course_id
            join supporting_role r on r.id = ? and r.course_id = s.course_id
            left join (select 0 as kind, role_id, seat, user_id from role_signup where session_id = ?
                       union all
                       select 1, 0, 0, m.user_id from presentation_member m join presentation p on p.id = m.presentation_id
                       where p.session_id = ? and m.user_id = ?) x on 1 = 1
            where s.id = ? and s.course_id = ?""";
}
