package org.paperclub.system;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A site that sets only PAPERCLUB_DATABASE_URL gets the driver of that database. The PostgreSQL test run starts every
 * application this way (support/TestDatabase names no driver).
 */
class DatabaseDriverTest {

    @Test
    void a_postgresql_url_with_the_default_h2_driver_gets_the_postgresql_driver() {
        assertEquals("org.postgresql.Driver", DatabaseDriver.forUrl("jdbc:postgresql://db:5432/paperclub", "org.h2.Driver"));
        assertEquals("org.postgresql.Driver", DatabaseDriver.forUrl("JDBC:PostgreSQL://db/paperclub", null));
        assertEquals("org.postgresql.Driver", DatabaseDriver.forUrl("jdbc:postgresql://db/paperclub", " "));
    }

    @Test
    void an_h2_url_gets_the_h2_driver() {
        assertEquals("org.h2.Driver", DatabaseDriver.forUrl("jdbc:h2:file:/srv/paperclub/db", "org.postgresql.Driver"));
        assertEquals("org.h2.Driver", DatabaseDriver.forUrl("jdbc:h2:mem:x", null));
    }

    @Test
    void a_driver_named_for_another_database_is_kept() {
        assertEquals("com.example.PooledPostgresDriver", DatabaseDriver.forUrl("jdbc:postgresql://db/p", "com.example.PooledPostgresDriver"));
        assertEquals("org.postgresql.Driver", DatabaseDriver.forUrl("jdbc:postgresql://db/p", "org.postgresql.Driver"));
        assertEquals("org.h2.Driver", DatabaseDriver.forUrl(null, "org.h2.Driver"));
    }
}
