package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;

/** The link of an LMS course to a Paperclub course, set once (the launch's part of {@code lti_context}). */
@JdbcRepository(dialect = Dialect.ANSI)
interface ContextLinkRepository extends GenericRepository<LtiContext, Long> {

    /** Links the context when nothing links it yet: 1 for the one request that did, 0 when it was linked already. */
    @Query("update lti_context set course_id = :courseId, updated_at = :now where id = :id and course_id is null")
    int link(long id, long courseId, Instant now);
}
