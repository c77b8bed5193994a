package org.paperclub.grading;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The grading feature's tables. */
final class Repositories {

    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface GradeRepository extends CrudRepository<Grade, Long> {
        List<Grade> findByCourseId(Long courseId);

        List<Grade> findByCourseIdAndStudentId(Long courseId, Long studentId);

        List<Grade> findBySessionId(Long sessionId);

        Optional<Grade> findByIdAndCourseId(Long id, Long courseId);

        Optional<Grade> findByKindAndSessionIdAndStudentIdAndSubjectId(GradeKind kind, Long sessionId, Long studentId, Long subjectId);

        @Query("select * from grade where id = :id for update")
        Optional<Grade> lock(Long id);

        @Query("select * from grade where session_id = :sessionId and published_at is null order by id for update")
        List<Grade> lockDrafts(Long sessionId);

        @Query("update grade set published_at = :at where session_id = :sessionId and published_at is null")
        int publishDrafts(Long sessionId, Instant at);

        long countBySessionId(Long sessionId);

        @Query("select count(*) from grade where kind = 'ROLE' and subject_id = :roleId")
        long countByRole(Long roleId);

        @Query("select count(*) from grade where kind in ('PRESENTATION', 'CRITIQUE') and subject_id = :paperId")
        long countByPaper(Long paperId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface GradeEventRepository extends CrudRepository<GradeEvent, Long> {
        // By id: a grade's events are written under its row lock, so their ids are in the order the changes took effect.
        @Query("select * from grade_event where course_id = :courseId order by id desc limit 500")
        List<GradeEvent> latest(Long courseId);

        @Query("select * from grade_event where grade_id = :gradeId order by id")
        List<GradeEvent> history(Long gradeId);
    }

    @JdbcRepository(dialect = Dialect.ANSI)
    interface RegradeRepository extends CrudRepository<RegradeRequest, Long> {
        List<RegradeRequest> findByCourseIdOrderByFiledAt(Long courseId);

        List<RegradeRequest> findByCourseIdAndStudentIdOrderByFiledAt(Long courseId, Long studentId);

        List<RegradeRequest> findByGradeId(Long gradeId);

        Optional<RegradeRequest> findByIdAndCourseId(Long id, Long courseId);

        @Query("select * from regrade_request where id = :id for update")
        Optional<RegradeRequest> lock(Long id);
    }
}
