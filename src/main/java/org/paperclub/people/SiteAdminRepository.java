package org.paperclub.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface SiteAdminRepository extends CrudRepository<SiteAdminRow, Long> {

    /** Grants unless granted already (two admins granting at once both succeed). */
    @Query("insert into site_admin (user_id, granted_by, granted_at) values (:userId, :grantedBy, :grantedAt) on conflict do nothing")
    void insertIfAbsent(long userId, Long grantedBy, Instant grantedAt);

    /**
     * Every granted administrator, locked: a revocation counts who remains while no other revocation can remove one,
     * so that two administrators revoking each other at once cannot leave the site with none.
     */
    @Query("select * from site_admin order by user_id for update")
    List<SiteAdminRow> lockAll();

    List<SiteAdminRow> listOrderByGrantedAt();
}
