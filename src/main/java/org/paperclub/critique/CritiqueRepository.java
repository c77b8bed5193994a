package org.paperclub.critique;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface CritiqueRepository extends CrudRepository<Critique, Long> {

    List<Critique> findByCourseId(Long courseId);

    List<Critique> findByCourseIdAndStudentId(Long courseId, Long studentId);

    long countBySessionId(Long sessionId);

    long countByPaperId(Long paperId);
}
