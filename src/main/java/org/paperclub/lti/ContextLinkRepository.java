package org.paperclub.lti;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The link of an LMS course to a Paperclub course (the launch's part of {@code lti_context}). Each change is one
 * conditional statement, so that a link, an unlink and a launch racing each other leave one of their outcomes, never a
 * mix: a launch never writes the link it read, and an unlink removes only the link it was asked for.
 */
@JdbcRepository(dialect = Dialect.ANSI)
interface ContextLinkRepository extends GenericRepository<LtiContext, Long> {

    /** Links the context when nothing links it yet: 1 for the one request that did, 0 when it was linked already. */
    @Query("update lti_context set course_id = :courseId, updated_at = :now where id = :id and course_id is null")
    int link(long id, long courseId, Instant now);

    /** Unlinks the context from {@code courseId}: 1 when it was linked to that course, 0 otherwise (unknown, another's). */
    @Query("update lti_context set course_id = null, updated_at = :now where id = :id and course_id = :courseId")
    int unlink(long id, long courseId, Instant now);

    /**
     * What a launch says about its LMS course (title, label, service endpoints and scopes), a null keeping what is
     * stored. The link ({@code course_id}) is not written: a launch that read it a moment before an unlink or a link
     * must not put back what it read.
     */
    @Query("update lti_context set title = coalesce(:title, title), label = coalesce(:label, label), "
            + "memberships_url = coalesce(:membershipsUrl, memberships_url), lineitems_url = coalesce(:lineitemsUrl, lineitems_url), "
            + "ags_scopes = coalesce(:agsScopes, ags_scopes), updated_at = :now where id = :id")
    int refresh(long id, @Nullable String title, @Nullable String label, @Nullable String membershipsUrl,
                @Nullable String lineitemsUrl, @Nullable String agsScopes, Instant now);

    /** Those of {@code ids} still linked to {@code courseId}, locked until the transaction ends (an unlink waits). */
    @Query("select id from lti_context where id in (:ids) and course_id = :courseId for update")
    List<Long> lockLinked(Collection<Long> ids, long courseId);

    /** The course the context is linked to now, or null (unlinked). */
    @Query("select course_id from lti_context where id = :id")
    @Nullable
    Long linkedCourse(long id);
}
