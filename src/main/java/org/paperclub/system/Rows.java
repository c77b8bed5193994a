package org.paperclub.system;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows read and mapped by hand, for the few course-wide reads of tens of thousands of rows (the gradebook), where
 * Micronaut Data's entity mapping costs more than the database. Runs in the caller's transaction.
 */
public final class Rows {

    /** Rows per round trip of a large read. */
    static final int FETCH_SIZE = 2000;

    private Rows() {
    }

    /**
     * A {@code timestamp with time zone} column as an instant, null for SQL null. Read as a {@link java.sql.Timestamp}
     * (an instant too): PostgreSQL's driver builds an {@code OffsetDateTime} through eight objects (zone rules, a
     * map, dates and times), a third of what a 2,000-student summary allocated, and its collections ran the 128 MB
     * heap into full collections.
     */
    public static java.time.Instant instant(ResultSet row, int column) throws SQLException {
        java.sql.Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /**
     * Short texts that repeat across the rows of one read (a grade's mark, a critique's timing), kept once each. The
     * driver makes a new string per row; in a 2,000-student summary 50,000 copies of a few marks lived through the
     * whole request and were promoted with it into the old generation of a 128 MB heap.
     */
    public static final class Repeated {
        private final Map<String, String> seen = new HashMap<>();

        public String of(String text) {
            if (text == null) {
                return null;
            }
            String kept = seen.putIfAbsent(text, text);
            return kept == null ? text : kept;
        }
    }

    /** One row to one value. */
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Sets a statement's parameters. */
    public interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /** The rows of {@code sql}, whose one parameter is {@code id}. */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, long id, Mapper<T> mapper) {
        return list(jdbc, sql, statement -> statement.setLong(1, id), mapper);
    }

    /** The rows of {@code sql}, with the parameters {@code parameters} sets. */
    public static <T> List<T> list(JdbcOperations jdbc, String sql, Parameters parameters, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            // PostgreSQL's driver otherwise holds every row of the answer as bytes until the last has arrived: some
            // 30 MB for a 2,000-student course's grades and critiques, beside the rows mapped from them, in a heap of
            // 128 MB. In chunks, only one chunk's bytes live at a time (inside a transaction; H2 reads lazily anyway).
            statement.setFetchSize(FETCH_SIZE);
            parameters.set(statement);
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
