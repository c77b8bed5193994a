package org.paperclub.lti;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.inject.Singleton;

/**
 * An instructor's launch from a linked LMS course syncs the course's roster, off the launch's thread: the launch is
 * neither slowed nor failed by the LMS's roster service (a failure is kept for the roster page).
 */
@Singleton
class RosterOnLaunch {

    private final RosterSync sync;

    RosterOnLaunch(RosterSync sync) {
        this.sync = sync;
    }

    @EventListener
    @Async
    void onLaunch(ContextLaunched e) {
        if (e.byInstructor()) {
            sync.syncAfterLaunch(e.courseId());
        }
    }
}
