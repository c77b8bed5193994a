package org.paperclub.lti;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import org.paperclub.system.FrameAncestors;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LMS pages that may frame Paperclub: the registered platforms' own origins (issuer, login endpoint) and the origins
 * their verified launches came from. Canvas's issuer (canvas.instructure.com) is not where its pages are (the school's
 * host), so the launch itself tells: its signed {@code launch_presentation.return_url}. Not the launch's {@code Origin}
 * header: a person with a valid id_token of their own can post it from any page, which would make the app frameable
 * by their site for everyone. Only what a registered platform signs adds an origin.
 * Kept in memory for a few seconds (the response filter asks on every load of the app's page), in the database for
 * every instance.
 */
@Singleton
class LmsFrames implements FrameAncestors {

    private static final Duration KEEP = Duration.ofSeconds(10);

    private final FrameOriginRepository recorded;
    private final Registrations registrations;
    private final Clock clock;
    private final LoadingCache<String, Set<String>> known;

    LmsFrames(FrameOriginRepository recorded, Registrations registrations, Clock clock) {
        this.recorded = recorded;
        this.registrations = registrations;
        this.clock = clock;
        this.known = Caffeine.newBuilder().refreshAfterWrite(KEEP).build(k -> load());
    }

    @Override
    public Set<String> origins() {
        return known.get("all");
    }

    /** The origins of a registration's own addresses. */
    static Set<String> of(Registration r) {
        Set<String> origins = new LinkedHashSet<>();
        for (String url : List.of(r.issuer(), r.authLoginUrl())) {
            String o = LaunchController.origin(url);
            if (o != null) {
                origins.add(o);
            }
        }
        return origins;
    }

    /** Remembers where a verified launch came from. */
    void record(long registrationId, Set<String> origins) {
        boolean added = false;
        for (String origin : origins) {
            try {
                added |= recorded.record(registrationId, origin, clock.instant()) == 1;
            } catch (DataAccessException e) {
                // Another launch recorded the same origin at this moment.
            }
        }
        if (added) {
            known.invalidateAll();
        }
    }

    private Set<String> load() {
        Set<String> origins = new LinkedHashSet<>();
        registrations.all().forEach(r -> origins.addAll(of(r)));
        origins.addAll(recorded.origins());
        return Set.copyOf(origins);
    }
}
