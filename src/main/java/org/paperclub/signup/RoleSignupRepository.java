package org.paperclub.signup;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface RoleSignupRepository extends CrudRepository<RoleSignup, Long> {

    List<RoleSignup> findByCourseId(Long courseId);

    List<RoleSignup> findByCourseIdAndUserId(Long courseId, Long userId);

    List<RoleSignup> findBySessionIdAndRoleId(Long sessionId, Long roleId);

    /** Every seat taken in the session (a few rows): the student's own role there and each role's taken seats. */
    List<RoleSignup> findBySessionId(Long sessionId);

    Optional<RoleSignup> findBySessionIdAndUserId(Long sessionId, Long userId);

    Optional<RoleSignup> findByIdAndCourseId(Long id, Long courseId);

    long countBySessionId(Long sessionId);

    long countByRoleId(Long roleId);
}
