package org.paperclub.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.ANSI)
interface AnnouncementRepository extends CrudRepository<Announcement, Long> {

    @Query("select * from announcement where course_id = :courseId order by id desc limit :limit")
    List<Announcement> newest(long courseId, int limit);

    long countByCourseId(long courseId);

    Optional<Announcement> findByIdAndCourseId(long id, long courseId);

    @Query("update announcement set title = :title, body = :body, edited_at = :at, edited_by = :by where id = :id and course_id = :courseId")
    int correct(long id, long courseId, String title, String body, Instant at, long by);

    @Query("delete from announcement where id = :id and course_id = :courseId")
    int withdraw(long id, long courseId);
}
