package org.paperclub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test application context: an in-memory H2 by default, or its own schema in
 * the PostgreSQL server when the build runs with {@code -Dpaperclub.test.db=postgres} (see README). Every context
 * starts empty, so the demo course loads into each and tests do not see each other's data.
 */
public final class TestDatabase {

    public static final String POSTGRES_URL = System.getProperty("paperclub.test.pg-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("paperclub.test.pg-user", "postgres");

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equalsIgnoreCase(System.getProperty("paperclub.test.db", "h2"));
    }

    /** Datasource settings for a new, empty database. */
    public static Map<String, String> fresh() {
        String name = "pc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (postgres()) {
            execute("create schema " + name);
            return Map.of(
                    "paperclub.database.url", POSTGRES_URL + "?currentSchema=" + name,
                    "paperclub.database.user", POSTGRES_USER,
                    "paperclub.database.password", "",
                    // No driver: the URL chooses it (system/DatabaseDriver), as it does for a site that sets only the URL.
                    "paperclub.test.schema", name);
        }
        return Map.of(
                "paperclub.database.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
                "paperclub.database.user", "sa",
                "paperclub.database.password", "",
                "paperclub.database.driver", "org.h2.Driver");
    }

    /** Drops a test's schema, unless {@code -Dpaperclub.test.keepSchema=true} (to look at a benchmark's data in psql). */
    public static void drop(String schema) {
        if (postgres() && !Boolean.getBoolean("paperclub.test.keepSchema") && schema != null && schema.startsWith("pc_")) {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is not usable: " + e.getMessage(), e);
        }
    }
}
