package org.paperclub.calendar;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface CalendarLinkRepository extends CrudRepository<CalendarLink, Long> {
    Optional<CalendarLink> findByTokenHash(String tokenHash);
}
