package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface ThrottleRepository extends CrudRepository<ThrottleRow, String> {

    @Query("insert into sign_in_throttle (throttle_key, failures, expires_at) values (:key, 0, :expiresAt) on conflict do nothing")
    void insertIfAbsent(String key, Instant expiresAt);

    /** The rows locked in key order, so that two instances locking the same keys cannot deadlock. */
    @Query("select * from sign_in_throttle where throttle_key in (:keys) order by throttle_key for update")
    List<ThrottleRow> lock(Collection<String> keys);

    void deleteByExpiresAtLessThan(Instant now);
}
