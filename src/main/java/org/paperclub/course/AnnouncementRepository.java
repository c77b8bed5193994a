package org.paperclub.course;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.ANSI)
interface AnnouncementRepository extends CrudRepository<Announcement, Long> {

    @Query("select * from announcement where course_id = :courseId order by id desc limit :limit")
    List<Announcement> newest(long courseId, int limit);

    long countByCourseId(long courseId);
}
