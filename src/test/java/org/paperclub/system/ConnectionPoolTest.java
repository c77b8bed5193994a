package org.paperclub.system;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestDatabase;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How many connections an instance keeps: one per blocking thread on the embedded H2, 10 on PostgreSQL. */
@MicronautTest
class ConnectionPoolTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void the_running_app_keeps_a_connection_for_every_blocking_thread_on_h2_and_ten_on_postgresql() throws Exception {
        int size = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        assertEquals(TestDatabase.postgres() ? 10 : 32, size);
    }

    @Test
    void an_embedded_database_gets_a_connection_for_every_blocking_thread() {
        assertEquals(32, ConnectionPool.size("jdbc:h2:file:/srv/paperclub/db;MODE=PostgreSQL", 0, 32));
        assertEquals(32, ConnectionPool.size("jdbc:h2:mem:x", 0, 32));
        assertEquals(64, ConnectionPool.size("JDBC:H2:file:/srv/db", 0, 64));
        assertEquals(10, ConnectionPool.size("jdbc:h2:file:/srv/db", 0, 4), "never fewer than a server database gets");
    }

    @Test
    void a_server_database_keeps_ten_per_instance_so_that_several_instances_fit_its_connection_limit() {
        assertEquals(10, ConnectionPool.size("jdbc:postgresql://db:5432/paperclub", 0, 32));
    }

    @Test
    void the_operator_sets_the_size_for_either() {
        assertEquals(20, ConnectionPool.size("jdbc:postgresql://db:5432/paperclub", 20, 32));
        assertEquals(8, ConnectionPool.size("jdbc:h2:file:/srv/db", 8, 32));
    }
}
