package org.paperclub.lti;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.paperclub.support.ApiTest;
import org.paperclub.support.TestPlatform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of the launch tests: the app reached as {@value #SITE}, one platform of the test JVM registered with it under
 * {@link #platformName()}, and a driver that plays the browser between them.
 */
abstract class LtiLaunchTest extends ApiTest {

    static final String SITE = "https://paperclub.example.edu";

    @Inject
    EmbeddedServer server;

    TestPlatform lms;
    LtiDriver driver;

    /** The registered platform's name, as the pages show it. */
    abstract String platformName();

    /** More settings for this class's app, besides its public address. */
    Map<String, String> moreProperties() {
        return Map.of();
    }

    @Override
    protected final Map<String, String> extraProperties() {
        Map<String, String> properties = new HashMap<>(moreProperties());
        properties.put("paperclub.public-url", SITE);
        return properties;
    }

    @BeforeAll
    void registeredPlatform() throws SQLException {
        lms = new TestPlatform();
        try (Connection c = jdbc()) {
            LtiDriver.register(c, lms, platformName());
        }
        driver = new LtiDriver(server.getURL().toString(), SITE);
    }

    @AfterAll
    void closePlatform() {
        lms.close();
    }
}
