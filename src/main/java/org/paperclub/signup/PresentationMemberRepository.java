package org.paperclub.signup;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface PresentationMemberRepository extends CrudRepository<PresentationMember, Long> {

    List<PresentationMember> findByCourseId(Long courseId);

    List<PresentationMember> findByPresentationId(Long presentationId);

    List<PresentationMember> findByCourseIdAndUserId(Long courseId, Long userId);

    @Query("""
            select m.* from presentation_member m join presentation p on p.id = m.presentation_id
            where p.session_id = :sessionId and m.user_id = :userId""")
    List<PresentationMember> findInSession(Long sessionId, Long userId);

    @Query("""
            select m.* from presentation_member m join presentation p on p.id = m.presentation_id
            where p.session_id = :sessionId""")
    List<PresentationMember> findAllInSession(Long sessionId);
}
