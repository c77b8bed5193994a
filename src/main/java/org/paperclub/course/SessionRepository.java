package org.paperclub.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface SessionRepository extends CrudRepository<ClassSession, Long> {

    @Query("select * from class_session where course_id = :courseId order by session_date, start_time, number")
    List<ClassSession> findByCourseIdInDateOrder(Long courseId);

    Optional<ClassSession> findByIdAndCourseId(Long id, Long courseId);

    /** The courses that hold a session on one of these days (reminders look only at courses with sessions near). */
    @Query("select distinct course_id from class_session where session_date between :from and :to and kind <> 'NO_CLASS'")
    List<Long> courseIdsHoldingSessionsBetween(LocalDate from, LocalDate to);

    /** The session, with a row lock held until the transaction ends: serializes sign-ups for one session. */
    @Query("select * from class_session where id = :id and course_id = :courseId for update")
    Optional<ClassSession> lock(Long id, Long courseId);

    boolean existsByCourseIdAndNumber(Long courseId, int number);

    boolean existsByCourseIdAndNumberAndIdNotEqual(Long courseId, int number, Long id);
}
