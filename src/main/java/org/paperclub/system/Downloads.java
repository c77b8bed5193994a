package org.paperclub.system;

import io.micronaut.http.MediaType;

/**
 * A route that sends a file (CSV, PDF, iCalendar, a course file) lists {@link #WHATEVER_IS_ACCEPTED} beside its own
 * type in {@code produces}: Micronaut would otherwise leave the route out when the Accept header does not name that
 * type and answer 406 before the route's access check, so that a student who asked for JSON (as scripts and the page's
 * fetch helper do) would hear "406" where a 403 is due, and staff would get no file. A download link has no say in
 * Accept; the route sets the file's Content-Type itself.
 */
public final class Downloads {

    public static final String WHATEVER_IS_ACCEPTED = MediaType.ALL;

    private Downloads() {
    }
}
