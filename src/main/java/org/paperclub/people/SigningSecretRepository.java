package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface SigningSecretRepository extends CrudRepository<SigningSecret, String> {

    /** Stores the secret unless another instance stored one first (then theirs is the one to use). */
    @Query("insert into signing_secret (name, secret, created_at) values (:name, :secret, :createdAt) on conflict do nothing")
    void insertIfAbsent(String name, String secret, Instant createdAt);
}
