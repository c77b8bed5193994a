package org.paperclub.course;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.OptionalLong;

/**
 * The course gate's read of {@code course.schedule_version}, once per course request: by hand, as Micronaut Data's
 * repository call cost several times the primary-key read itself (src/bench/README.md). In the caller's connection
 * or transaction when there is one, else in a connection of its own.
 */
@Singleton
class ScheduleVersions {

    private final JdbcOperations jdbc;

    ScheduleVersions(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The course's schedule version; empty when there is no such course. */
    @Connectable
    OptionalLong of(long courseId) {
        return jdbc.prepareStatement("select schedule_version from course where id = ?", statement -> {
            statement.setLong(1, courseId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        });
    }
}
