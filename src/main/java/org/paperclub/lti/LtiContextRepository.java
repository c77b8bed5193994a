package org.paperclub.lti;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface LtiContextRepository extends CrudRepository<LtiContext, Long> {

    Optional<LtiContext> findByRegistrationIdAndDeploymentIdAndContextId(long registrationId, String deploymentId, String contextId);

    List<LtiContext> findByCourseId(long courseId);

    @io.micronaut.data.annotation.Query("select distinct course_id from lti_context where course_id in (:courseIds)")
    List<Long> findLinkedCourseIds(java.util.Collection<Long> courseIds);
}
