package org.paperclub.lti;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The LMS origins that launched Paperclub (V22 {@code lti_frame_origin}). */
@JdbcRepository(dialect = Dialect.ANSI)
interface FrameOriginRepository extends GenericRepository<LoginState, String> {

    @Query("insert into lti_frame_origin (registration_id, origin, last_seen_at) select :registrationId, :origin, :now "
            + "where not exists (select 1 from lti_frame_origin where registration_id = :registrationId and origin = :origin)")
    int record(long registrationId, String origin, Instant now);

    @Query(value = "select origin from lti_frame_origin", readOnly = true)
    List<String> origins();
}
