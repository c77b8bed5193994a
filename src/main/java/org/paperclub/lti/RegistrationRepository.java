package org.paperclub.lti;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface RegistrationRepository extends CrudRepository<Registration, Long> {

    Optional<Registration> findByIssuerAndClientId(String issuer, String clientId);

    List<Registration> findByIssuer(String issuer);

    List<Registration> listOrderById();
}
