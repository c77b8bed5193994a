package org.paperclub.lti;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.paperclub.course.Commands.CourseCommand;
import org.paperclub.course.Course;
import org.paperclub.course.CourseService;

import java.time.Clock;

/** A new course made for an LMS course and linked to it, in one transaction: both happen, or neither. */
@Singleton
class CourseLink {

    /** The LMS course was linked by someone else first: the course made here is rolled back. */
    static final class AlreadyLinked extends RuntimeException {
        AlreadyLinked() {
            super(null, null, false, false);
        }
    }

    private final CourseService courses;
    private final ContextLinkRepository links;
    private final Clock clock;

    CourseLink(CourseService courses, ContextLinkRepository links, Clock clock) {
        this.courses = courses;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public Course createAndLink(long contextRowId, CourseCommand command, long instructorId) {
        Course course = courses.createForLmsInstructor(command, instructorId);
        if (links.link(contextRowId, course.id(), clock.instant()) != 1) {
            throw new AlreadyLinked();
        }
        return course;
    }
}
