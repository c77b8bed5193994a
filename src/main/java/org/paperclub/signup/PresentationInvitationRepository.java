package org.paperclub.signup;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface PresentationInvitationRepository extends CrudRepository<PresentationInvitation, Long> {

    List<PresentationInvitation> findByCourseId(Long courseId);

    List<PresentationInvitation> findByPresentationId(Long presentationId);

    Optional<PresentationInvitation> findByIdAndCourseId(Long id, Long courseId);

    Optional<PresentationInvitation> findByPresentationIdAndUserId(Long presentationId, Long userId);
}
