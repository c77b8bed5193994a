package org.paperclub.critique;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface ExtensionRepository extends CrudRepository<Extension, Long> {

    List<Extension> findByCourseIdAndStudentId(Long courseId, Long studentId);

    List<Extension> findByCourseId(Long courseId);
}
