package org.paperclub.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.paperclub.support.ApiTest;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits the README promises, as shipped (StalledUploadTest shows what they do, with short values): Netty's
 * defaults held a stalled upload and an idle connection for 5 minutes, and every upload in the heap.
 */
@MicronautTest
// Signs nobody in: no demo accounts or courses.
@Property(name = "paperclub.demo.enabled", value = "false")
class ServerLimitsTest extends ApiTest {

    @Inject
    NettyHttpServerConfiguration server;

    @Test
    void a_stalled_request_is_answered_within_30_seconds_and_an_idle_connection_closed_within_a_minute() {
        assertEquals(Duration.ofSeconds(30), server.getReadIdleTimeout());
        assertEquals(Duration.ofSeconds(60), server.getIdleTimeout());
    }

    @Test
    void an_upload_past_64_kilobytes_waits_on_disk_not_in_the_heap() {
        assertTrue(server.getMultipart().isMixed(), "uploads go to a temporary file past the threshold");
        assertEquals(64 * 1024, server.getMultipart().getThreshold());
    }
}
