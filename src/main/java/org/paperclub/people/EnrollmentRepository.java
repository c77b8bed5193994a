package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface EnrollmentRepository extends CrudRepository<Enrollment, Long> {

    Optional<Enrollment> findByCourseIdAndUserId(Long courseId, Long userId);

    List<Enrollment> findByUserId(Long userId);

    @Query("select * from enrollment where course_id = :courseId and user_id = :userId for update")
    Optional<Enrollment> lock(Long courseId, Long userId);

    /**
     * Locks the course's instructors' rows, in id order, so that two instructors stepping down at once are decided
     * one after the other; the count is then read afresh with {@link #countByCourseIdAndRole}.
     */
    @Query("select * from enrollment where course_id = :courseId and role = 'INSTRUCTOR' order by id for update")
    List<Enrollment> lockInstructors(Long courseId);

    List<Enrollment> findByCourseIdAndRole(Long courseId, CourseRole role);

    List<Enrollment> findByCourseId(Long courseId);

    /**
     * The roster with each person's invitation (their newest unused one, for those without a password). Someone who
     * signs in through the LMS or the campus account (an external identity) and was never invited has none to wait for.
     */
    @Query("""
            select e.id as enrollment_id, u.id as user_id, u.email, u.name, e.role, e.section, e.canvas_user_id, e.sis_user_id,
                   case when e.withdrawn_at is null then false else true end as withdrawn,
                   case when u.password_hash is not null then null
                        when i.expires_at > :now then 'PENDING'
                        when i.id is null and exists (select 1 from external_identity x where x.user_id = u.id) then null
                        else 'EXPIRED' end as invitation,
                   case when u.password_hash is null then i.created_at end as invitation_sent_at,
                   case when u.password_hash is null then i.expires_at end as invitation_expires_at,
                   u.mail_refused_reason as mail_refused, u.mail_refused_at
            from enrollment e join app_user u on u.id = e.user_id
            left join invitation i on i.id = (select max(j.id) from invitation j
                                              where j.user_id = u.id and j.purpose = 'INVITATION' and j.used_at is null)
            where e.course_id = :courseId
            order by case e.role when 'INSTRUCTOR' then 0 when 'TA' then 1 else 2 end, u.name, u.email""")
    List<RosterEntry> findRoster(Long courseId, java.time.Instant now);
}
