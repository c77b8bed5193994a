package org.paperclub.system;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Brings the database to the newest schema (Flyway, {@code db/migration}) before anything else uses it. A restart
 * finds the database already there, and then Flyway is not even loaded: one query on its history table tells,
 * where Flyway's own check took 0.13 s of each start (loading its plugins, scanning the jar, validating every
 * migration's checksum). Anything else (a new database, one behind, one ahead of this build, a failed migration)
 * goes to Flyway, which migrates, or refuses to start as it always did. What the fast path does not do is Flyway's
 * checksum validation: an already applied migration edited afterwards is noticed only when a newer one arrives.
 */
@Singleton
class SchemaMigrations implements BeanCreatedEventListener<DataSource> {

    /**
     * The newest migration's version in {@code db/migration}. A new migration must raise it, or databases would
     * never get it: {@code SchemaMigrationsTest} fails until it does.
     */
    static final int NEWEST = 28;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSourceResolver resolver;

    SchemaMigrations(@Nullable DataSourceResolver resolver) {
        this.resolver = resolver == null ? DataSourceResolver.DEFAULT : resolver;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // The pool itself, not a transaction-aware wrapper: nothing else runs yet, so no transaction is open.
        DataSource pool = resolver.resolve(event.getBean());
        if (!upToDate(pool)) {
            migrate(pool);
        }
        return event.getBean();
    }

    static void migrate(DataSource dataSource) {
        var result = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated to version {} ({} migrations)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
    }

    /** Whether every migration up to {@link #NEWEST}, and none after it, has been applied, all successfully. */
    static boolean upToDate(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select version, success from " + history(c) + " where version is not null")) {
            int newest = -1;
            int applied = 0;
            while (r.next()) {
                if (!r.getBoolean(2)) {
                    return false;
                }
                int version = Integer.parseInt(r.getString(1));
                newest = Math.max(newest, version);
                applied++;
            }
            // The versions are unique; a gap (V7, V10, ... were never written) makes fewer rows than NEWEST, so the
            // count only guards against a history that lost rows, which Flyway should then judge.
            return newest == NEWEST && applied == APPLIED_AT_NEWEST;
        } catch (SQLException | NumberFormatException e) {
            // No history table (a new database), or a history this check does not understand: Flyway decides.
            return false;
        }
    }

    /**
     * The history table Flyway keeps: in the connection's current schema, quoted as Flyway names it. Not the bare name,
     * which PostgreSQL resolves along the whole search path: a new schema ahead of an up-to-date one (another
     * Paperclub's) would be taken for up to date, and the app would start on the other one's tables.
     */
    private static String history(Connection c) throws SQLException {
        String schema = c.getSchema();
        if (schema == null) {
            throw new SQLException("no current schema");
        }
        return "\"" + schema.replace("\"", "\"\"") + "\".\"flyway_schema_history\"";
    }

    /** How many versioned migrations exist up to {@link #NEWEST} ({@code SchemaMigrationsTest} holds both to the files). */
    static final int APPLIED_AT_NEWEST = 23;
}
