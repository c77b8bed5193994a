package org.paperclub.system;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A 201 means the upload is on disk, also when PAPERCLUB_DATABASE_URL names an H2 file of its own: H2 otherwise
 * writes commits up to 0.5 s late, and a killed process loses what it had acknowledged (CrashDurabilityTest).
 */
@Singleton
class DurableCommits implements BeanCreatedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);
    private static final Pattern WRITE_DELAY = Pattern.compile(";WRITE_DELAY=[^;]*", Pattern.CASE_INSENSITIVE);

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        String durable = durable(url);
        if (url != null && !url.equals(durable)) {
            if (WRITE_DELAY.matcher(url).find()) {
                LOG.warn("The H2 URL asks for a write delay; Paperclub sets WRITE_DELAY=0 so that an acknowledged upload survives a crash.");
            }
            config.setUrl(durable);
        }
        return config;
    }

    /** The URL with WRITE_DELAY=0 when it names an H2 database on disk; any other URL as it is. */
    static String durable(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:")) {
            return url;
        }
        return WRITE_DELAY.matcher(url).replaceAll("") + ";WRITE_DELAY=0";
    }
}
