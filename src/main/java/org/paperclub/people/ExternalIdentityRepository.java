package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface ExternalIdentityRepository extends GenericRepository<ExternalIdentity, ExternalIdentity.Key> {

    @Query("select user_id from external_identity where issuer = :issuer and subject = :subject")
    Optional<Long> findUserId(String issuer, String subject);

    /** Links unless the identity is linked already (two first launches at once: the first link wins). */
    @Query("insert into external_identity (issuer, subject, user_id, created_at, last_seen_at) "
            + "values (:issuer, :subject, :userId, :at, :at) on conflict do nothing")
    int insertIfAbsent(String issuer, String subject, long userId, Instant at);

    @Query("update external_identity set last_seen_at = :at where issuer = :issuer and subject = :subject")
    int seen(String issuer, String subject, Instant at);

    @Query("select issuer from external_identity where user_id = :userId")
    List<String> findIssuersByUserId(long userId);

    @Query("select * from external_identity where issuer = :issuer and user_id in (:userIds) order by last_seen_at desc, subject")
    List<ExternalIdentity> findAtIssuer(String issuer, java.util.Collection<Long> userIds);
}
