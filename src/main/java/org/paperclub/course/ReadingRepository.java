package org.paperclub.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface ReadingRepository extends CrudRepository<Reading, Long> {

    @Query("""
            select r.* from reading r join class_session s on s.id = r.session_id
            where s.course_id = :courseId order by r.session_id, r.kind, r.position, r.id""")
    List<Reading> findByCourse(Long courseId);

    List<Reading> findBySessionIdOrderByPosition(Long sessionId);

    Optional<Reading> findBySessionIdAndPaperId(Long sessionId, Long paperId);

    long countByPaperId(Long paperId);

    @Query("select coalesce(max(position), 0) from reading where session_id = :sessionId")
    int maxPosition(Long sessionId);
}
