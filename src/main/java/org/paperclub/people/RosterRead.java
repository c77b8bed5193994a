package org.paperclub.people;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.paperclub.system.Rows;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A course's roster, each person with their invitation (their newest unused one, for those without a password),
 * mapped by hand. Micronaut Data's mapping of these rows worked out every column's name from its property name again
 * for every row (half of the roster's CPU in a profile of a 2,000-student gradebook, which reads the roster on every
 * call: src/bench/README.md, round 7). Runs in the caller's connection or transaction, or a connection of its own.
 */
@Singleton
class RosterRead {

    private final JdbcOperations jdbc;

    RosterRead(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Unordered: {@link PeopleService#roster} puts it in natural name order, which SQL cannot. */
    @Connectable
    List<RosterEntry> of(long courseId, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        return Rows.list(jdbc, ROSTER, statement -> {
            statement.setObject(1, at);
            statement.setLong(2, courseId);
        }, rs -> {
            String invitation = rs.getString(10);
            return new RosterEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    CourseRole.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                    invitation == null ? null : InvitationState.valueOf(invitation), Rows.instant(rs, 11), Rows.instant(rs, 12),
                    rs.getString(13), Rows.instant(rs, 14));
        });
    }

    // Someone who signs in through the LMS or the campus account (an external identity) and was never invited has no
    // invitation to wait for.
    private static final String ROSTER = """
            select e.id, u.id, u.email, u.name, e.role, e.section, e.canvas_user_id, e.sis_user_id,
                   case when e.withdrawn_at is null then false else true end,
                   case when u.password_hash is not null then null
                        when i.expires_at > ? then 'PENDING'
                        when i.id is null and exists (select 1 from external_identity x where x.user_id = u.id) then null
                        else 'EXPIRED' end,
                   case when u.password_hash is null then i.created_at end,
                   case when u.password_hash is null then i.expires_at end,
                   u.mail_refused_reason, u.mail_refused_at
            from enrollment e join app_user u on u.id = e.user_id
            left join invitation i on i.id = (select max(j.id) from invitation j
                                              where j.user_id = u.id and j.purpose = 'INVITATION' and j.used_at is null)
            where e.course_id = ?""";
}
