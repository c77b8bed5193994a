package org.paperclub.calendar;

import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.paperclub.course.CourseCaller;
import org.paperclub.people.Viewer;
import org.paperclub.system.ProblemException;

import java.util.Map;

/**
 * Who asks for a course's calendar: calendar apps send no cookie, so the owner of a live secret token
 * ({@code ?token=}), else the signed-in browser; neither is 401 saying how to get in.
 */
@Singleton
class CalendarCaller implements CourseCaller {

    private final CalendarLinks links;

    CalendarCaller(CalendarLinks links) {
        this.links = links;
    }

    @Override
    public long userId(Map<String, Object> arguments) {
        if (arguments.get("token") instanceof String token) {
            return links.owner(token).orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED,
                    "This calendar link is not valid any more; make a new one on your account page."));
        }
        if (arguments.get("auth") instanceof Authentication auth) {
            return Viewer.id(auth);
        }
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Sign in, or use your secret calendar link.");
    }
}
