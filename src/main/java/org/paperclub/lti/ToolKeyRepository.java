package org.paperclub.lti;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface ToolKeyRepository extends CrudRepository<ToolKey, String> {

    List<ToolKey> findByRetiredAtIsNullOrderByActiveFromDesc();
}
