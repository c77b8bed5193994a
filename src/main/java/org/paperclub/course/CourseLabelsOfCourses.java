package org.paperclub.course;

import jakarta.inject.Singleton;
import org.paperclub.notify.CourseLabels;

import java.util.Optional;

/** Names a course in the notices of the notify package, which cannot depend on this one (this one posts notices). */
@Singleton
class CourseLabelsOfCourses implements CourseLabels {

    private final CourseRepository courses;

    CourseLabelsOfCourses(CourseRepository courses) {
        this.courses = courses;
    }

    @Override
    public Optional<CourseLabel> label(long courseId) {
        return courses.findById(courseId).map(c -> new CourseLabel(c.code(), c.title(), c.timeZone()));
    }
}
