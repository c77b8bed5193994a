package org.paperclub.course;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface PaperRepository extends CrudRepository<Paper, Long> {

    List<Paper> findByCourseIdOrderById(Long courseId);

    Optional<Paper> findByIdAndCourseId(Long id, Long courseId);

    boolean existsByCourseIdAndKey(Long courseId, String key);

    boolean existsByCourseIdAndKeyAndIdNotEqual(Long courseId, String key, Long id);
}
