package org.paperclub.lti;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The {@link ContextLaunched} events an app published, for the launch tests (only where they ask for it). */
@Singleton
@Requires(property = "paperclub.test.launch-events", value = "true")
class LaunchEvents {

    final List<ContextLaunched> heard = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ContextLaunched e) {
        heard.add(e);
    }
}
