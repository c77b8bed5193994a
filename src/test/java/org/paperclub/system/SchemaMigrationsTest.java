package org.paperclub.system;

import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.paperclub.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A restart skips Flyway only when the database already has every migration this build carries; anything else is
 * migrated (or refused) by Flyway as before.
 */
class SchemaMigrationsTest {

    private final Map<String, String> database = TestDatabase.fresh();
    private final String url = database.get("paperclub.database.url");
    private final String user = database.get("paperclub.database.user");

    @AfterEach
    void dropSchema() {
        TestDatabase.drop(database.get("paperclub.test.schema"));
    }

    @Test
    void the_startup_check_knows_the_newest_migration_in_the_build() {
        MigrationInfo[] all = flyway().info().all();
        int newest = Arrays.stream(all).mapToInt(m -> Integer.parseInt(m.getVersion().getVersion())).max().orElseThrow();
        assertEquals(newest, SchemaMigrations.NEWEST,
                "a new migration must raise SchemaMigrations.NEWEST, or restarts would never apply it");
        assertEquals(all.length, SchemaMigrations.APPLIED_AT_NEWEST, "and SchemaMigrations.APPLIED_AT_NEWEST with it");
    }

    @Test
    void a_new_database_is_behind_and_a_migrated_one_is_up_to_date() throws Exception {
        assertFalse(SchemaMigrations.upToDate(pool()), "no history table yet");
        SchemaMigrations.migrate(pool());
        assertTrue(SchemaMigrations.upToDate(pool()));
    }

    @Test
    void a_database_without_the_newest_migration_is_behind_and_gets_it_when_the_app_starts() throws Exception {
        // A database left by the build before the newest migration.
        Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .target(String.valueOf(SchemaMigrations.NEWEST - 1)).load().migrate();
        assertEquals(0, count("select count(*) from flyway_schema_history where version = '" + SchemaMigrations.NEWEST + "'"));
        assertFalse(SchemaMigrations.upToDate(pool()));

        try (ApplicationContext app = start()) {
            assertEquals(1, count("select count(*) from flyway_schema_history where version = '"
                    + SchemaMigrations.NEWEST + "' and success"), "the app's start applied it again");
        }
        assertTrue(SchemaMigrations.upToDate(pool()));
    }

    @Test
    void a_failed_migration_in_the_history_is_left_to_flyway() throws Exception {
        SchemaMigrations.migrate(pool());
        execute("update flyway_schema_history set success = false where version = '1'");
        assertFalse(SchemaMigrations.upToDate(pool()));
    }

    @Test
    void a_database_from_a_newer_build_is_left_to_flyway() throws Exception {
        SchemaMigrations.migrate(pool());
        execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) values (9999, '" + (SchemaMigrations.NEWEST + 1)
                + "', 'newer', 'SQL', 'V99__newer.sql', 0, 'test', 0, true)");
        assertFalse(SchemaMigrations.upToDate(pool()));
    }

    @Test
    void a_new_postgresql_schema_is_behind_even_when_a_later_schema_on_its_search_path_is_up_to_date() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "a PostgreSQL search path");
        // Another Paperclub's schema, up to date, behind this one's on the search path (currentSchema=ours,theirs):
        // Flyway migrates our schema (the current one), so the check must read our history, not find theirs.
        Map<String, String> other = TestDatabase.fresh();
        try {
            Flyway.configure().dataSource(other.get("paperclub.database.url"), user, "").locations("classpath:db/migration")
                    .load().migrate();
            String both = url + "," + other.get("paperclub.test.schema");
            javax.sql.DataSource ours = Flyway.configure().dataSource(both, user, "").load().getConfiguration().getDataSource();
            assertFalse(SchemaMigrations.upToDate(ours), "our schema has no history yet");

            SchemaMigrations.migrate(ours);
            assertEquals(SchemaMigrations.APPLIED_AT_NEWEST, count("select count(*) from flyway_schema_history"),
                    "Flyway migrated our own schema");
            assertTrue(SchemaMigrations.upToDate(ours));
        } finally {
            TestDatabase.drop(other.get("paperclub.test.schema"));
        }
    }

    @Test
    void a_restart_on_an_up_to_date_database_starts_and_serves_its_data() throws Exception {
        try (ApplicationContext first = start()) {
            assertTrue(SchemaMigrations.upToDate(pool()));
        }
        int rows = count("select count(*) from flyway_schema_history");
        try (ApplicationContext again = start()) {
            assertTrue(count("select count(*) from course") > 0, "the demo course is still there");
        }
        assertEquals(rows, count("select count(*) from flyway_schema_history"), "nothing was migrated again");
    }

    private ApplicationContext start() {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("micronaut.server.port", -1);
        settings.put("paperclub.password.bcrypt-cost", 4);
        settings.put("paperclub.demo.activity", false);
        return ApplicationContext.run(settings);
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").load();
    }

    private javax.sql.DataSource pool() {
        return flyway().getConfiguration().getDataSource();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
