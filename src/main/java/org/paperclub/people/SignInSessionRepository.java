package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface SignInSessionRepository extends CrudRepository<SignInSession, String> {

    void deleteByUserId(Long userId);

    @Query("delete from sign_in_session where user_id = :userId and id <> :keep")
    void deleteOthers(Long userId, String keep);

    void deleteByExpiresAtLessThan(Instant now);
}
