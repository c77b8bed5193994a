package org.paperclub.course;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint is for the instructors and TAs of the course {@code courseId}; checked by {@link CourseGate} before
 * the method runs (404 no such course, 403 not in it, 403 "Only the instructors and TAs of this course can ..."
 * for a student).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Around
@Type(CourseGate.class)
public @interface CourseStaff {

    /** What the endpoint does, completing "Only the instructors and TAs of this course can ...", e.g. "grade". */
    String value();
}
