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
}
