package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface SiteAdminRepository extends CrudRepository<SiteAdminRow, Long> {

    /** Grants unless granted already (two admins granting at once both succeed). */
    @Query("insert into site_admin (user_id, granted_by, granted_at) values (:userId, :grantedBy, :grantedAt) on conflict do nothing")
    void insertIfAbsent(long userId, Long grantedBy, Instant grantedAt);
}
