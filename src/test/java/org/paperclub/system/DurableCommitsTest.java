package org.paperclub.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestDatabase;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * An H2 file named by PAPERCLUB_DATABASE_URL without WRITE_DELAY=0 (or with a delay) still commits before the
 * answer: CrashDurabilityTest shows what the shipped URL does under SIGKILL; this shows any H2 file URL gets it.
 */
@MicronautTest
// Signs nobody in: no demo accounts or courses.
@Property(name = "paperclub.demo.enabled", value = "false")
class DurableCommitsTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        if (TestDatabase.postgres()) {
            return Map.of();
        }
        Path file = Path.of("target", "durable-commits", UUID.randomUUID().toString(), "paperclub").toAbsolutePath();
        return Map.of("paperclub.database.url", "jdbc:h2:file:" + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500");
    }

    @Test
    void an_h2_file_named_by_the_operator_writes_each_commit_before_the_answer() throws Exception {
        assumeFalse(TestDatabase.postgres(), "PostgreSQL commits durably by itself");
        try (Connection c = dataSource.getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            r.next();
            assertEquals("0", r.getString(1));
        }
    }

    @Test
    void other_urls_are_left_as_they_are() {
        assertEquals("jdbc:postgresql://db/paperclub", DurableCommits.durable("jdbc:postgresql://db/paperclub"));
        assertEquals("jdbc:h2:mem:x;MODE=PostgreSQL", DurableCommits.durable("jdbc:h2:mem:x;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:file:/srv/db;MODE=PostgreSQL;WRITE_DELAY=0", DurableCommits.durable("jdbc:h2:file:/srv/db;MODE=PostgreSQL"));
    }
}
