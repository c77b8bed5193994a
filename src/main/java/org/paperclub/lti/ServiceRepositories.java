package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tables of the roster and grade services (V25). */
final class ServiceRepositories {

    private ServiceRepositories() {
    }

    /** The last roster sync of a course: what it did, or (ok false) why it failed. */
    @MappedEntity("lti_roster_sync")
    record RosterSyncRow(@Id Long courseId, Instant syncedAt, boolean ok, int added, int updated, int withdrawn, int unchanged,
                         @Nullable String error) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface RosterSyncRepository extends CrudRepository<RosterSyncRow, Long> {

        /** A placeholder row to lock (a course's first sync): it says "failed, nothing done" until the sync ends. */
        @Query("insert into lti_roster_sync (course_id, synced_at, ok, added, updated, withdrawn, unchanged) "
                + "values (:courseId, :at, false, 0, 0, 0, 0) on conflict do nothing")
        int insertIfAbsent(long courseId, Instant at);

        @Query("select course_id from lti_roster_sync where course_id = :courseId for update")
        List<Long> lock(long courseId);
    }

    @MappedEntity("lti_grade_settings")
    record GradeSettings(@Id Long courseId, boolean perComponent) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface GradeSettingsRepository extends CrudRepository<GradeSettings, Long> {
    }

    /** A line item on a platform, made by Paperclub or found there by its resource id. */
    @MappedEntity("lti_lineitem")
    record LineItem(@Id @GeneratedValue @Nullable Long id, Long contextId, String resourceId, String url, String label,
                    Instant createdAt) {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface LineItemRepository extends CrudRepository<LineItem, Long> {

        Optional<LineItem> findByContextIdAndResourceId(Long contextId, String resourceId);

        List<LineItem> findByContextIdInOrderById(Collection<Long> contextIds);

        /** Locks the context while its line item is looked up and made, so that two senders never make it twice. */
        @Query("select id from lti_context where id = :contextId for update")
        List<Long> lockContext(long contextId);
    }

    /** One score to post: QUEUED (leased while being sent), SENT, FAILED (given up or refused), SUPERSEDED by a newer. */
    @MappedEntity("lti_score_outbox")
    record ScoreRow(@Id @GeneratedValue @Nullable Long id,
                    Long courseId,
                    Long contextId,
                    String resourceId,
                    String label,
                    String tag,
                    Long studentId,
                    String ltiUserId,
                    @Nullable Double scoreGiven,
                    double scoreMaximum,
                    String activityProgress,
                    String gradingProgress,
                    Instant scoreTimestamp,
                    String status,
                    int attempts,
                    Instant createdAt,
                    Instant nextAttemptAt,
                    @Nullable Instant claimedUntil,
                    @Nullable Instant sentAt,
                    @Nullable String lastError) {

        /** The same score as another (apart from when): posting it again would change nothing. */
        boolean sameAs(ScoreRow o) {
            return ltiUserId.equals(o.ltiUserId) && java.util.Objects.equals(scoreGiven, o.scoreGiven)
                    && scoreMaximum == o.scoreMaximum && activityProgress.equals(o.activityProgress)
                    && gradingProgress.equals(o.gradingProgress);
        }
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface ScoreRepository extends CrudRepository<ScoreRow, Long> {

        /** The newest row of a (context, line item, student), whatever its state. */
        @Query("select * from lti_score_outbox where context_id = :contextId and resource_id = :resourceId and student_id = :studentId "
                + "order by id desc limit 1")
        Optional<ScoreRow> latest(long contextId, String resourceId, long studentId);

        /** The queued rows not being sent now give way to a newer score. */
        @Query("update lti_score_outbox set status = 'SUPERSEDED', claimed_until = null where context_id = :contextId "
                + "and resource_id = :resourceId and student_id = :studentId and status = 'QUEUED' "
                + "and (claimed_until is null or claimed_until < :now)")
        int supersede(long contextId, String resourceId, long studentId, Instant now);

        /** Due rows not leased by another sender, locked; SKIP LOCKED lets another instance take the next ones. */
        @Query("select id from lti_score_outbox where status = 'QUEUED' and next_attempt_at <= :now "
                + "and (claimed_until is null or claimed_until < :now) order by id limit :limit for update skip locked")
        List<Long> lockDue(Instant now, int limit);

        @Query("select * from lti_score_outbox where id in (:ids) order by id")
        List<ScoreRow> findByIds(Collection<Long> ids);

        /** Rows of the same (context, line item, student) older than {@code id} that another sender is posting now. */
        @Query("select count(*) from lti_score_outbox o where o.context_id = :contextId and o.resource_id = :resourceId "
                + "and o.student_id = :studentId and o.id < :id and o.status = 'QUEUED' and o.claimed_until >= :now")
        long olderBeingSent(long id, long contextId, String resourceId, long studentId, Instant now);

        @Query("select count(*) from lti_score_outbox o where o.context_id = :contextId and o.resource_id = :resourceId "
                + "and o.student_id = :studentId and o.id > :id and o.status <> 'SUPERSEDED'")
        long newer(long id, long contextId, String resourceId, long studentId);

        @Query("update lti_score_outbox set claimed_until = :until, attempts = attempts + 1 where id in (:ids)")
        void lease(Collection<Long> ids, Instant until);

        /** Undoes a lease of rows not attempted: their attempt is not counted. */
        @Query("update lti_score_outbox set claimed_until = null, attempts = attempts - 1 where id in (:ids) and status = 'QUEUED'")
        void release(Collection<Long> ids);

        @Query("update lti_score_outbox set status = 'SUPERSEDED', claimed_until = null where id = :id")
        void markSuperseded(long id);

        @Query("update lti_score_outbox set status = 'SENT', sent_at = :at, claimed_until = null, last_error = null where id = :id")
        void markSent(long id, Instant at);

        @Query("update lti_score_outbox set claimed_until = null, next_attempt_at = :next, last_error = :error where id = :id")
        void retryLater(long id, Instant next, String error);

        @Query("update lti_score_outbox set status = 'FAILED', claimed_until = null, last_error = :error where id = :id")
        void markFailed(long id, String error);

        /**
         * The scores waiting for a context, locked; those another transaction holds (a publish queuing them, a claim
         * being made) are skipped rather than waited for, and left to the sender, which drops them ({@link #unlinked}).
         */
        @Query("select id from lti_score_outbox where context_id = :contextId and status = 'QUEUED' order by id for update skip locked")
        List<Long> lockQueuedOf(long contextId);

        /** Of {@code ids}, the rows whose context is no longer linked to the course that queued them. */
        @Query("select o.id from lti_score_outbox o where o.id in (:ids) and not exists (select 1 from lti_context c "
                + "where c.id = o.context_id and c.course_id = o.course_id)")
        List<Long> unlinked(Collection<Long> ids);

        @Query("delete from lti_score_outbox where id in (:ids) and status = 'QUEUED'")
        int dropQueued(Collection<Long> ids);

        long countByCourseIdAndStatus(long courseId, String status);

        List<ScoreRow> findByCourseIdAndStatusOrderByIdDesc(long courseId, String status);

        @Query("select * from lti_score_outbox where course_id = :courseId and status = 'SENT' order by sent_at desc limit 1")
        Optional<ScoreRow> lastSent(long courseId);
    }
}
