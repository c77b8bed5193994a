package org.paperclub.course;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface SupportingRoleRepository extends CrudRepository<SupportingRole, Long> {

    List<SupportingRole> findByCourseIdOrderByPosition(Long courseId);
}
