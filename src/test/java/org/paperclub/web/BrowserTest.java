package org.paperclub.web;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.paperclub.support.ApiTest;

import java.io.IOException;

/** Base of the page tests: the app on its fresh database, and one headless Chromium for the test class. */
abstract class BrowserTest extends ApiTest {

    @Inject
    EmbeddedServer server;

    protected Browser browser;
    protected String base;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Browser.start();
        base = server.getURL().toString();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
