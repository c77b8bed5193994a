package org.paperclub.notify;

import java.util.Optional;

/**
 * A course's code, title and zone, for the notices of that course. Courses are the course package's, which posts
 * notices itself; it implements this interface so that the dependency runs one way only.
 */
public interface CourseLabels {

    record CourseLabel(String code, String title, String timeZone) {
    }

    Optional<CourseLabel> label(long courseId);
}
