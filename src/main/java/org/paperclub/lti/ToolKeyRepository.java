package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface ToolKeyRepository extends CrudRepository<ToolKey, String> {

    List<ToolKey> findByRetiredAtIsNullOrderByActiveFromDesc();

    /** The keys not retired, locked: a retirement decides whether another key still signs while none can change. */
    @Query("select * from lti_tool_key where retired_at is null order by kid for update")
    List<ToolKey> lockLive();
}
