package org.paperclub.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * The JDBC driver follows the database's URL. Setting only PAPERCLUB_DATABASE_URL to a PostgreSQL database used to
 * stop the start with "Driver org.h2.Driver claims to not accept jdbcUrl", as the driver kept its H2 default; now
 * the URL is enough. A driver named for another kind of database (PAPERCLUB_DATABASE_DRIVER) is kept as it is.
 */
@Singleton
class DatabaseDriver implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String H2 = "org.h2.Driver";
    static final String POSTGRES = "org.postgresql.Driver";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String driver = forUrl(config.getUrl(), config.getDriverClassName());
        if (driver != null && !driver.equals(config.getDriverClassName())) {
            config.setDriverClassName(driver);
        }
        return config;
    }

    /** The driver for the URL: the configured one, unless it is the other of Paperclub's two (or none). */
    static String forUrl(String url, String configured) {
        if (url == null) {
            return configured;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        boolean unset = configured == null || configured.isBlank();
        if (lower.startsWith("jdbc:postgresql:") && (unset || configured.equals(H2))) {
            return POSTGRES;
        }
        if (lower.startsWith("jdbc:h2:") && (unset || configured.equals(POSTGRES))) {
            return H2;
        }
        return configured;
    }
}
