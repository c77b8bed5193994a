package org.paperclub.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface CourseRepository extends CrudRepository<Course, Long> {

    boolean existsByCodeAndTerm(String code, String term);

    List<Course> findByIdIn(Collection<Long> ids);

    /** A write changed what the schedule shows: called in that write's transaction, after its other writes. */
    @Query("update course set schedule_version = schedule_version + 1 where id = :id")
    void scheduleChanged(Long id);
}
