package org.paperclub.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * How many database connections an instance keeps. The embedded H2 database gets one for every blocking thread
 * ({@code PAPERCLUB_THREADS}, 32): its connections are sessions inside this process, and with fewer, threads of a
 * busy instance queue for a connection that a thread paused by the OS holds (the one-session read served 5-13 %
 * more requests with 32 than with 10 on a quiet machine, and the sign-up rush no fewer; src/bench/README.md).
 * PostgreSQL keeps 10 per instance: each is a server process, and several instances share the server's
 * {@code max_connections} (100 by default). {@code PAPERCLUB_DATABASE_POOL} sets the size for either.
 */
@Singleton
class ConnectionPool implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final int SERVER_DATABASE = 10;

    private final int configured;
    private final int threads;

    ConnectionPool(@Value("${paperclub.database.pool:0}") int configured,
                   @Value("${micronaut.executors.io.n-threads:32}") int threads) {
        this.configured = configured;
        this.threads = threads;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.setMaximumPoolSize(size(config.getUrl(), configured, threads));
        return config;
    }

    /** The pool's size for the database at {@code url}: {@code configured} when set (above 0). */
    static int size(String url, int configured, int threads) {
        if (configured > 0) {
            return configured;
        }
        boolean embedded = url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
        return embedded ? Math.max(threads, SERVER_DATABASE) : SERVER_DATABASE;
    }
}
