package org.paperclub.critique;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface CritiqueRepository extends CrudRepository<Critique, Long> {

    List<Critique> findByCourseId(Long courseId);

    List<Critique> findByCourseIdAndStudentId(Long courseId, Long studentId);

    List<Critique> findBySessionIdAndStudentId(Long sessionId, Long studentId);

    Optional<Critique> findBySessionIdAndStudentIdAndPaperId(Long sessionId, Long studentId, Long paperId);

    long countBySessionId(Long sessionId);

    long countByPaperId(Long paperId);
}
