package org.paperclub.signup;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface PresentationRepository extends CrudRepository<Presentation, Long> {

    List<Presentation> findByCourseId(Long courseId);

    List<Presentation> findBySessionId(Long sessionId);

    Optional<Presentation> findBySessionIdAndPaperId(Long sessionId, Long paperId);

    Optional<Presentation> findByIdAndCourseId(Long id, Long courseId);

    long countBySessionId(Long sessionId);

    long countByPaperId(Long paperId);
}
