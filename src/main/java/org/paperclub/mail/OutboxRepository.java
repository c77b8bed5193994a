package org.paperclub.mail;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface OutboxRepository extends CrudRepository<OutboxRow, Long> {

    /**
     * Rows due and not leased by another sender, locked; SKIP LOCKED lets another instance claim the next rows at the
     * same moment instead of waiting for these.
     */
    @Query("select id from mail_outbox where status = 'PENDING' and next_attempt_at <= :now "
            + "and (claimed_until is null or claimed_until < :now) order by id limit :limit for update skip locked")
    List<Long> lockDue(Instant now, int limit);

    @Query("update mail_outbox set claimed_until = :until, attempts = attempts + 1 where id in (:ids)")
    void lease(Collection<Long> ids, Instant until);

    @Query("select * from mail_outbox where id in (:ids) order by id")
    List<OutboxRow> findByIds(Collection<Long> ids);

    @Query("update mail_outbox set status = 'SENT', sent_at = :at, claimed_until = null, last_error = null where id = :id")
    void markSent(long id, Instant at);

    @Query("update mail_outbox set claimed_until = null, next_attempt_at = :next, last_error = :error where id = :id")
    void retryLater(long id, Instant next, String error);

    @Query("update mail_outbox set status = 'FAILED', claimed_until = null, last_error = :error where id = :id")
    void markFailed(long id, String error);

    @Query("delete from mail_outbox where status = 'SENT' and sent_at < :before")
    void deleteSentBefore(Instant before);

    long countByStatus(String status);

    List<OutboxRow> findByStatusOrderById(String status);
}
