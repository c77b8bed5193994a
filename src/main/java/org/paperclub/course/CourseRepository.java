package org.paperclub.course;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface CourseRepository extends CrudRepository<Course, Long> {

    boolean existsByCodeAndTerm(String code, String term);

    List<Course> findByIdIn(Collection<Long> ids);
}
