package org.paperclub.critique;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.HandedInCounts;
import org.paperclub.system.Rows;

import java.util.HashMap;
import java.util.Map;

/** Critiques handed in per student, counted in the database (a large course has tens of thousands). */
@Singleton
class CritiqueCounts implements HandedInCounts {

    private final JdbcOperations jdbc;

    CritiqueCounts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> byStudent(long courseId) {
        Map<Long, Integer> out = new HashMap<>();
        Rows.list(jdbc, "select student_id, count(*) from critique where course_id = ? group by student_id", courseId,
                rs -> out.put(rs.getLong(1), rs.getInt(2)));
        return out;
    }
}
