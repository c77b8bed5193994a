package org.paperclub.course;

/**
 * What names a course, trimmed; the time zone is an IANA name such as America/New_York. Its input rules are those of
 * {@link Commands.CourseCommand}, which both the API and the course file check before a course is made of this.
 */
public record CourseDetails(String code, String title, String term, String timeZone, String description) {
}
