package org.paperclub.lti;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface DeploymentRepository extends CrudRepository<Deployment, Long> {

    List<Deployment> findByRegistrationIdOrderByDeploymentId(long registrationId);

    boolean existsByRegistrationIdAndDeploymentId(long registrationId, String deploymentId);

    void deleteByRegistrationId(long registrationId);
}
