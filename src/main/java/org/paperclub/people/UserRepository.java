package org.paperclub.people;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface UserRepository extends CrudRepository<User, Long> {

    Optional<User> findByEmail(String email);

    List<User> findByEmailIn(Collection<String> emails);

    List<User> findByIdIn(Collection<Long> ids);

    @Query("update app_user set name = :name where id = :id and name <> :name")
    int rename(Long id, String name);

    @Query("update app_user set mail_refused_at = :at, mail_refused_reason = :reason where id = :id")
    int markMailRefused(Long id, @Nullable Instant at, @Nullable String reason);

    @Query("update app_user set mail_refused_at = :at, mail_refused_reason = :reason where email = :email")
    int markMailRefusedByEmail(String email, Instant at, String reason);

    @Query("select id, mail_refused_reason from app_user where id in (:ids) and mail_refused_at is not null")
    List<RefusalMark> findMailRefused(Collection<Long> ids);

    /** An account whose address the SMTP server refused, with what it answered. */
    @Introspected
    record RefusalMark(Long id, @Nullable String mailRefusedReason) {
    }
}
