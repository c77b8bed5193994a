package org.paperclub.signup;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface SignupEventRepository extends CrudRepository<SignupEvent, Long> {

    @Query("select * from signup_event where course_id = :courseId order by at desc, id desc limit 500")
    List<SignupEvent> latest(Long courseId);

    @Query("select * from signup_event where course_id = :courseId and user_id = :userId order by at desc, id desc limit 50")
    List<SignupEvent> concerning(Long courseId, Long userId);
}
