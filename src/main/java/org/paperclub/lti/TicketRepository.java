package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.ANSI)
interface TicketRepository extends CrudRepository<Ticket, String> {

    /** Uses a ticket up: 1 for the one request that deleted it. */
    @Query("delete from lti_ticket where token_hash = :tokenHash")
    int take(String tokenHash);

    @Query("delete from lti_ticket where expires_at < :now")
    int deleteExpired(Instant now);
}
