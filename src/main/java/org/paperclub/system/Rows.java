package org.paperclub.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows read and mapped by hand, for the few course-wide reads of tens of thousands of rows (the gradebook), where
 * Micronaut Data's entity mapping costs more than the database. Runs in the caller's transaction.
 */
public final class Rows {

    private Rows() {
    }

    /** One row to one value. */
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** The rows of {@code sql}, whose one parameter is {@code id}. */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, long id, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, id);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }
}
