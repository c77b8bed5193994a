package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface RegistrationLinkRepository extends CrudRepository<RegistrationLink, String> {

    /** Spends the link: 1 when this call did, 0 when it was spent already (two registrations at once: one wins). */
    @Query("update lti_registration_link set used_at = :now, registration_id = :registrationId where token_hash = :tokenHash and used_at is null")
    int spend(String tokenHash, Instant now, long registrationId);
}
